using PerfTests.Load.Http;
using PerfTests.Load.Running;
using PerfTests;

namespace PerfTests.EngineBenchmark;

/// <summary>
/// wrk and our engine (closed model, same connection count, same duration) against the same
/// in-process Kestrel server; both share the machine's cores with the server, measured alike.
/// </summary>
internal static class ThroughputBenchmark
{
    /// <summary>
    /// Alternates wrk and the engine for <paramref name="rounds"/> rounds, so both see the same
    /// background noise (the machine is shared), and compares the medians.
    /// </summary>
    public static async Task RunAsync(TimeSpan duration, int connections, int rounds)
    {
        var cores = Environment.ProcessorCount;
        await using var server = await HelloServer.StartAsync().ConfigureAwait(false);
        Console.WriteLine($"== throughput: {connections} connections, {duration.TotalSeconds:0} s per run, {rounds} rounds, {cores} cores, target {server.Address}");

        // Unmeasured: JIT-compiles the client and server paths (wrk is native and needs none).
        Console.WriteLine("warm-up run (not counted):");
        await RunEngineAsync(server.Address, TimeSpan.FromSeconds(3), connections).ConfigureAwait(false);

        var wrkRuns = new List<double>();
        var ourRuns = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var wrk = await WrkRunner.RunAsync(server.Address, duration, connections, threads: cores).ConfigureAwait(false);
            var ours = await RunEngineAsync(server.Address, duration, connections).ConfigureAwait(false);
            wrkRuns.Add(wrk);
            ourRuns.Add(ours);
            Console.WriteLine($"round {round}: wrk {wrk:0.0} req/s, ours {ours:0.0} req/s, ratio {ours / wrk:0.00}");
        }

        var wrkMedian = Median(wrkRuns);
        var ourMedian = Median(ourRuns);
        Console.WriteLine($"wrk  (median): {wrkMedian,12:0.0} req/s  ({wrkMedian / cores,10:0.0} req/s per core)");
        Console.WriteLine($"ours (median): {ourMedian,12:0.0} req/s  ({ourMedian / cores,10:0.0} req/s per core)");
        Console.WriteLine($"ratio ours/wrk (medians): {ourMedian / wrkMedian:0.00} (goal >= 0.50)");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
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
        if (s.FailCount > 0)
        {
            throw new InvalidOperationException($"The engine saw {s.FailCount} failed requests: the comparison would be meaningless.");
        }

        return s.RequestsPerSecond;
    }
}
