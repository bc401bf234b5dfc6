using PerfTests.Load.Results;

namespace PerfTests.Suites.Degradation;

/// <summary>
/// Compares one latency quantile of two runs with a statistical allowance: the distribution-free
/// 95% interval of a quantile (binomial order statistics: rank n·q ± 1.96·√(n·q·(1−q))), read from
/// each histogram. The degradation counted is the part we are confident of: the lower end of the
/// loaded run's interval above the upper end of the baseline's, less a small absolute floor.
/// </summary>
/// <param name="Percentile">Quantile compared, e.g. 50 or 95.</param>
/// <param name="BaselineMs">Point estimate of the baseline (1 user).</param>
/// <param name="LoadedMs">Point estimate under concurrency.</param>
/// <param name="ConfidentDegradation">max(0, (loaded low − baseline high − floor) / baseline high): a fraction.</param>
internal sealed record QuantileComparison(double Percentile, double BaselineMs, double LoadedMs, double ConfidentDegradation)
{
    /// <summary>Timer and scheduler noise on a shared 2-core machine; differences below it are not degradation.</summary>
    public const double AbsoluteFloorMs = 1.0;

    /// <summary>Point-estimate degradation (loaded / baseline − 1), for the log.</summary>
    public double PointDegradation => BaselineMs > 0 ? (LoadedMs / BaselineMs) - 1 : 0;

    /// <summary>Compares <paramref name="percentile"/> of two latency distributions.</summary>
    public static QuantileComparison Compare(LatencyStats baseline, LatencyStats loaded, double percentile)
    {
        var (_, baseHigh) = Interval(baseline, percentile);
        var (loadedLow, _) = Interval(loaded, percentile);
        var confident = baseHigh > 0 ? Math.Max(0, (loadedLow - baseHigh - AbsoluteFloorMs) / baseHigh) : 0;
        return new QuantileComparison(percentile, Ms(baseline, percentile), Ms(loaded, percentile), confident);
    }

    /// <summary>One line for the log.</summary>
    public string Describe() =>
        $"p{Percentile}: 1 user {BaselineMs:0.00} ms, loaded {LoadedMs:0.00} ms ({PointDegradation:+0.0%;-0.0%} point), confident degradation {ConfidentDegradation:0.0%}";

    private static (double Low, double High) Interval(LatencyStats stats, double percentile)
    {
        var n = stats.Count;
        var q = percentile / 100;
        var spread = 1.96 * Math.Sqrt(n * q * (1 - q));
        var low = Math.Clamp((n * q) - spread, 0, n) / n * 100;
        var high = Math.Clamp((n * q) + spread + 1, 0, n) / n * 100;
        return (Ms(stats, low), Ms(stats, high));
    }

    private static double Ms(LatencyStats stats, double percentile) =>
        (stats.GetPercentile(Math.Clamp(percentile, 0, 100)).ValueUs ?? double.NaN) / 1000.0;
}
