namespace PerfTests.Suites.Endurance;

/// <summary>
/// What the timeline says about a long run.
/// </summary>
/// <param name="P95DriftMsPerHour">Theil-Sen slope of the per-interval p95 (ms per hour).</param>
/// <param name="P95DriftOverRunMs">The same slope times the run length: how much p95 moved along the trend (ms).</param>
/// <param name="HeapGrowthMbPerHour">Slope of settled live managed memory (MB per hour, 1 MB = 2^20 bytes).</param>
/// <param name="LeakConfidence">Confidence (0..1) that memory grows faster than the tolerated rate.</param>
/// <param name="Intervals">p95 intervals fitted.</param>
/// <param name="SettledSamples">Memory samples fitted (those taken right after a full collection).</param>
/// <param name="ToleratedGrowthMbPerHour">Growth below this is not called a leak (the engine's own timeline, caches).</param>
internal sealed record EnduranceVerdict(
    double P95DriftMsPerHour, double P95DriftOverRunMs, double HeapGrowthMbPerHour, double LeakConfidence,
    int Intervals, int SettledSamples, double ToleratedGrowthMbPerHour)
{
    /// <summary><c>leak</c> (≥ 95% confident), <c>no leak</c> (≥ 95% confident of the opposite), else <c>inconclusive</c>.</summary>
    public string LeakVerdict => LeakConfidence >= 0.95 ? "leak" : LeakConfidence <= 0.05 ? "no leak" : "inconclusive";

    /// <summary>One line for the log.</summary>
    public string Describe() =>
        $"p95 drift {P95DriftOverRunMs:+0.0;-0.0} ms over the run ({P95DriftMsPerHour:+0;-0} ms/h, {Intervals} intervals); " +
        $"live heap {HeapGrowthMbPerHour:+0.0;-0.0} MB/h ({SettledSamples} settled samples); " +
        $"leak verdict: {LeakVerdict} (confidence {LeakConfidence:P1} of growth > {ToleratedGrowthMbPerHour} MB/h; test process = portal + engine)";
}
