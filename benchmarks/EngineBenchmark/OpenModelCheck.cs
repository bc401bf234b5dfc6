using PerfTests.Load.Http;
using PerfTests.Load.Running;
using PerfTests;

namespace PerfTests.EngineBenchmark;

/// <summary>
/// Open model in real time: a fixed arrival rate against the hello-world server, to show the
/// dispatcher keeps the rate (achieved vs intended) and what corrected vs uncorrected latency say.
/// </summary>
internal static class OpenModelCheck
{
    public static async Task RunAsync(TimeSpan duration, int ratePerSecond, int connections)
    {
        await using var server = await HelloServer.StartAsync().ConfigureAwait(false);
        using var http = new HttpStepClient(new HttpStepOptions { MaxConnectionsPerServer = connections });
        var scenario = Scenario.Create("open", http.GetStep("get /", server.Address))
            .WithWarmUp(TimeSpan.FromSeconds(1))
            .WithLoadSimulations(LoadSimulation.ConstantRate(ratePerSecond, duration))
            .WithCapacity(maxWorkers: connections, maxQueuedArrivals: ratePerSecond);
        Console.WriteLine($"== open model: {ratePerSecond}/s for {duration.TotalSeconds:0} s, {connections} workers");
        var result = await LoadRunner.RunAsync(scenario, new LoadRunnerOptions { Progress = ProgressMode.Never }).ConfigureAwait(false);
        var s = result.Scenarios[0];
        Console.Write(s.ToString());
        var intended = ratePerSecond * duration.TotalSeconds;
        Console.WriteLine($"achieved {s.RequestCount + s.DroppedCount + s.InterruptedCount} of {intended:0} intended arrivals " +
            $"({s.RequestsPerSecond:0.0} req/s finished)");
    }
}
