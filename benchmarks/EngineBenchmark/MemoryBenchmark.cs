using System.Diagnostics;
using PerfTests.Load.Running;
using PerfTests;

namespace PerfTests.EngineBenchmark;

/// <summary>
/// Pushes 1 million, then 10 million more synthetic iterations through the runner's own
/// recording path (IterationRunner -> ScenarioRecorder -> per-second collection) with a no-op
/// step, printing managed memory and working set: histograms keep it flat, sample lists would not.
/// </summary>
internal static class MemoryBenchmark
{
    private const int Workers = 64;

    public static async Task RunAsync()
    {
        Console.WriteLine("== memory: recording path with a no-op step");
        var step = Step.Create("noop", static _ => ValueTask.FromResult(StepResult.Ok(200, bytes: 13)));
        var time = TimeProvider.System;
        var recorder = new ScenarioRecorder(["noop"], stripes: Math.Max(2, Environment.ProcessorCount * 2), time.TimestampFrequency);
        var collector = new ScenarioCollector(recorder);
        var iterations = new IterationRunner([step], recorder, time, new RunWindow(startTicks: 0, measureFromTicks: 0, autoWarmUp: false));
        var context = new ScenarioContext("memory");
        var workers = Enumerable.Range(0, Workers).Select(i => new StepContext(context, i)).ToArray();
        var baseline = Print("baseline", 0, 0);

        long total = 0;
        var second = 0;
        foreach (var batch in new[] { 1_000_000L, 10_000_000L })
        {
            var watch = Stopwatch.StartNew();
            for (long i = 0; i < batch; i++)
            {
                await iterations.RunAsync(workers[i % Workers], time.GetTimestamp(), CancellationToken.None).ConfigureAwait(false);
                // Collect as the runner does once per second (here every 100k iterations).
                if (i % 100_000 == 99_999)
                {
                    collector.CollectSecond(++second, keepPoint: true);
                }
            }

            total += batch;
            Print($"after {total:N0} iterations ({batch / watch.Elapsed.TotalSeconds:N0} recorded/s)", total, baseline);
        }

        collector.CollectSecond(++second, keepPoint: false);
        var result = collector.BuildResult("memory", TimeSpan.FromSeconds(second));
        Console.WriteLine($"recorded: {result.RequestCount:N0} iterations, {result.Timeline.Count} timeline points, p99 {result.Latency.P99}");
    }

    /// <summary>Prints memory and returns the managed bytes, so growth is shown against the baseline.</summary>
    private static long Print(string label, long iterations, long baseline)
    {
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"{label,-55} managed {managed / 1048576.0,8:0.0} MiB   working set {process.WorkingSet64 / 1048576.0,8:0.0} MiB" +
            (iterations > 0 ? $"   (growth since baseline {(managed - baseline) / 1024.0:0.0} KiB)" : string.Empty));
        return managed;
    }
}
