using PerfTests.Load.Results;
using PerfTests.Resources;

namespace PerfTests.Resources;

/// <summary>
/// Whether the load generator itself was the bottleneck. The engine shares the test process with an
/// in-process system under test, so its CPU cannot be separated; the flag comes from the engine's own
/// signals (arrivals dropped because every worker was busy) together with the whole test process's CPU.
/// </summary>
public static class GeneratorSaturation
{
    /// <summary>Reasons the generator looks saturated; empty when it does not.</summary>
    public static IReadOnlyList<string> Assess(LoadRunResult? run, ResourceReport? resources, SaturationThresholds? thresholds = null)
    {
        var limits = thresholds ?? new SaturationThresholds();
        var reasons = new List<string>();
        var dropped = run?.Scenarios.Sum(s => s.DroppedCount) ?? 0;
        var arrivals = dropped + (run?.Scenarios.Sum(s => s.RequestCount) ?? 0);
        var droppedShare = arrivals == 0 ? 0 : (double)dropped / arrivals;
        var testCpu = resources?.Stats("test_process.cpu");
        if (droppedShare > limits.DroppedShare)
        {
            // Dropped arrivals mean no free worker: the SUT being slow causes this too, so say which it is when CPU tells.
            var cpuNote = testCpu is { } cpu && cpu.P95 >= limits.Cpu
                ? $", with the test process (generator included) at p95 {BottleneckHint.Percent(cpu.P95)} CPU"
                : string.Empty;
            reasons.Add($"load generator saturated: {dropped} of {arrivals} arrivals dropped ({BottleneckHint.Percent(droppedShare)}){cpuNote}");
        }

        return reasons;
    }

    /// <summary>True when <see cref="Assess"/> finds any reason.</summary>
    public static bool IsSaturated(LoadRunResult? run, ResourceReport? resources, SaturationThresholds? thresholds = null) =>
        Assess(run, resources, thresholds).Count > 0;
}
