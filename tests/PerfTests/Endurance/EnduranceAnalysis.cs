using PerfTests.Load.Results;

namespace PerfTests.Suites.Endurance;

/// <summary>Latency drift and memory growth of a long run, from its timeline and memory samples.</summary>
internal static class EnduranceAnalysis
{
    private const double BytesPerMb = 1024 * 1024;

    /// <summary>Analyses a run.</summary>
    /// <param name="timeline">Per-second points of the measured scenario.</param>
    /// <param name="memory">Samples of <see cref="MemorySampler"/>; only settled ones are fitted.</param>
    /// <param name="interval">Length of a p95 interval (e.g. 10 s on PR, 60 s nightly).</param>
    /// <param name="toleratedGrowthMbPerHour">Growth rate not called a leak.</param>
    public static EnduranceVerdict Analyse(
        IReadOnlyList<TimelinePoint> timeline, IReadOnlyList<MemorySample> memory, TimeSpan interval, double toleratedGrowthMbPerHour)
    {
        var seconds = Math.Max(1, (int)interval.TotalSeconds);
        // Per interval, the median of the per-second p95s: robust to one stalled second on a shared machine.
        var intervals = timeline.Where(p => p.P95Us is not null)
            .GroupBy(p => (p.Second - 1) / seconds)
            .Where(g => g.Count() >= Math.Max(1, seconds / 2))
            .Select(g => (X: (g.Key + 0.5) * seconds / 3600.0, Y: Median(g.Select(p => p.P95Us!.Value / 1000.0))))
            .ToList();
        // Latency is judged on the robust slope; memory (settled samples, little noise) on least squares with its error.
        var drift = TrendLine.TheilSenSlope(intervals);
        var runHours = timeline.Count / 3600.0;

        var settled = memory.Where(m => m.Settled)
            .Select(m => (X: m.At.TotalHours, Y: m.TotalAllocatedLiveBytes / BytesPerMb))
            .ToList();
        var growth = TrendLine.Fit(settled);
        return new EnduranceVerdict(
            drift, drift * runHours, growth.Slope, growth.ConfidenceAbove(toleratedGrowthMbPerHour),
            intervals.Count, settled.Count, toleratedGrowthMbPerHour);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
