using PerfTests.Analysis.Endurance;
using PerfTests.Load.Results;

namespace PerfTests.Suites.Endurance;

/// <summary>
/// Latency drift and memory growth of a long run, through harness/Analysis: Theil-Sen / Mann-Kendall
/// on per-interval p95, and the leak verdict on live memory sampled after a forced full collection.
/// </summary>
internal static class EnduranceAnalysis
{
    /// <summary>Growth tolerated over the nominal 2 h soak before it is called a leak (MiB): 100 MiB/h.</summary>
    public const double ToleratedGrowthMb = 200;

    /// <summary>Intervals wanted: Analysis needs at least 10; 12 leaves room for a partial edge interval.</summary>
    private const int Intervals = 12;

    /// <summary>p95 drift of a scenario; intervals of hold/12 (5 s to 60 s).</summary>
    public static DriftReport Drift(ScenarioResult scenario, TimeSpan hold) =>
        DriftAnalyzer.AnalyzeP95(scenario, new DriftOptions { Interval = TimeSpan.FromSeconds(Math.Clamp(Math.Floor(hold.TotalSeconds / Intervals), 5, 60)) });

    /// <summary>Leak verdict on the settled samples; bins of hold/12 (5 s to 30 s), judged against the nightly 2 h projection.</summary>
    public static LeakReport Leak(IReadOnlyList<MemorySample> samples, TimeSpan hold)
    {
        var settled = samples.Where(s => s.Settled).Select(s => new ResourceSample(s.At, s.TotalAllocatedLiveBytes)).ToList();
        return LeakAnalyzer.Analyze(settled, new LeakOptions
        {
            NominalDuration = EnduranceHold.Nightly,
            MaxProjectedGrowthMb = ToleratedGrowthMb,
            BinWidth = TimeSpan.FromSeconds(Math.Clamp(Math.Floor(hold.TotalSeconds / Intervals), 5, 30)),
        });
    }

    /// <summary>How far p95 moved along its robust trend over the run itself (ms); null without enough data.</summary>
    public static double? DriftOverRunMs(DriftReport drift, TimeSpan measured) =>
        drift.DriftMsPerHour is { } perHour ? perHour * measured.TotalHours : null;
}
