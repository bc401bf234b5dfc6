using PerfTests.Load.Http;
using PerfTests.Load.Running;
using PerfTests.Load.Scenarios;
using PerfTests.Load.Simulations;

namespace PerfTests.EngineBenchmark;

/// <summary>
/// wrk and our engine (closed model, same connection count, same duration) against the same
/// in-process Kestrel server; both share the machine's cores with the server, measured alike.
/// </summary>
internal static class ThroughputBenchmark
{
    public static async Task RunAsync(TimeSpan duration, int connections)
    {
        var cores = Environment.ProcessorCount;
        await using var server = await HelloServer.StartAsync().ConfigureAwait(false);
        Console.WriteLine($"== throughput: {connections} connections, {duration.TotalSeconds:0} s each, {cores} cores, target {server.Address}");

        var wrk = await WrkRunner.RunAsync(server.Address, duration, connections, threads: cores).ConfigureAwait(false);
        var ours = await RunEngineAsync(server.Address, duration, connections).ConfigureAwait(false);

        Console.WriteLine($"wrk : {wrk,12:0.0} req/s  ({wrk / cores,10:0.0} req/s per core)");
        Console.WriteLine($"ours: {ours,12:0.0} req/s  ({ours / cores,10:0.0} req/s per core)");
        Console.WriteLine($"ratio ours/wrk: {ours / wrk:0.00} (goal >= 0.50)");
    }

    private static async Task<double> RunEngineAsync(Uri target, TimeSpan duration, int connections)
    {
        using var http = new HttpStepClient(new HttpStepOptions { MaxConnectionsPerServer = connections });
        var scenario = Scenario.Create("hello", http.GetStep("get /", target))
            .WithWarmUp(TimeSpan.FromSeconds(1))
            .WithLoadSimulations(LoadSimulation.ConstantConcurrency(connections, duration));
        var result = await LoadRunner.RunAsync(scenario, new LoadRunnerOptions { Progress = ProgressMode.Never }).ConfigureAwait(false);
        var s = result.Scenarios[0];
        Console.Write(s.ToString());
        return s.RequestsPerSecond;
    }
}
