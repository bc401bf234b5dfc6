using PerfTests.Load.Http;
using PerfTests.Load.Running;
using PerfTests;
using PerfTests.Resources;

namespace PerfTests.EngineBenchmark;

/// <summary>
/// Engine throughput against the in-process hello-world with and without the resource sampler
/// (test-process source, at the default 1 s and at a stressed 100 ms interval), alternated round by
/// round in one process so both see the same background noise; reports the ratios of the medians.
/// </summary>
internal static class SamplingOverheadBenchmark
{
    public static async Task RunAsync(TimeSpan duration, int connections, int rounds)
    {
        await using var server = await HelloServer.StartAsync().ConfigureAwait(false);
        Console.WriteLine($"== sampling overhead: {connections} connections, {duration.TotalSeconds:0} s per run, {rounds} rounds, target {server.Address}");
        await RunAsync(server.Address, TimeSpan.FromSeconds(3), connections, interval: null).ConfigureAwait(false); // warm-up, not counted

        var without = new List<double>();
        var everySecond = new List<double>();
        var every100Ms = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            without.Add(await RunAsync(server.Address, duration, connections, interval: null).ConfigureAwait(false));
            everySecond.Add(await RunAsync(server.Address, duration, connections, TimeSpan.FromSeconds(1)).ConfigureAwait(false));
            every100Ms.Add(await RunAsync(server.Address, duration, connections, TimeSpan.FromMilliseconds(100)).ConfigureAwait(false));
            Console.WriteLine($"round {round}: without {without[^1]:0.0} req/s, sampled 1 s {everySecond[^1]:0.0} req/s, sampled 100 ms {every100Ms[^1]:0.0} req/s");
        }

        var baseline = Median(without);
        Console.WriteLine($"median without sampling: {baseline:0.0} req/s");
        Console.WriteLine($"ratio sampled(1 s)/without:   {Median(everySecond) / baseline:0.000}");
        Console.WriteLine($"ratio sampled(100 ms)/without: {Median(every100Ms) / baseline:0.000}");
    }

    private static async Task<double> RunAsync(Uri target, TimeSpan duration, int connections, TimeSpan? interval)
    {
        using var http = new HttpStepClient(new HttpStepOptions { MaxConnectionsPerServer = connections });
        var scenario = Scenario.Create("hello", http.GetStep("get /", target))
            .WithLoadSimulations(LoadSimulation.ConstantConcurrency(connections, duration));
        using var process = ProcessResourceSource.ForTestProcess();
        var sampler = interval is { } every ? ResourceSampler.Start([process], every) : null;
        try
        {
            var result = await LoadRunner.RunAsync(scenario, new LoadRunnerOptions { Progress = ProgressMode.Never }).ConfigureAwait(false);
            return result.Scenarios[0].RequestsPerSecond;
        }
        finally
        {
            if (sampler is not null)
            {
                await sampler.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
