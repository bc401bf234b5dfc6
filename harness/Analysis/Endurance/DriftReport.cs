using System.Globalization;
using PerfTests.Analysis.Trends;

namespace PerfTests.Analysis.Endurance;

/// <summary>
/// Latency drift of one series (usually per-interval p95): the robust Theil-Sen slope is the headline
/// (latency is heavy-tailed), least squares is kept for comparison. Null slopes mean not enough data.
/// </summary>
public sealed record DriftReport
{
    /// <summary>Intervals that had samples.</summary>
    public required int IntervalCount { get; init; }

    /// <summary>True when there were enough intervals to estimate a slope.</summary>
    public bool HasEnoughData => Robust is not null && Linear is not null;

    /// <summary>Mean of the interval values, µs (null without intervals).</summary>
    public double? MeanUs { get; init; }

    /// <summary>Least-squares fit (slopes in µs per second).</summary>
    public LinearFit? Linear { get; init; }

    /// <summary>Theil-Sen / Mann-Kendall (slopes in µs per second).</summary>
    public RobustTrend? Robust { get; init; }

    /// <summary>Significance level the verdict used.</summary>
    public required double Alpha { get; init; }

    /// <summary>Theil-Sen drift in milliseconds per hour.</summary>
    public double? DriftMsPerHour => Robust is null ? null : Units.PerSecondToPerHour(Robust.Slope) / 1000;

    /// <summary>Sen's 95 % interval of the drift, ms per hour.</summary>
    public (double Low, double High)? DriftMsPerHourCi => Robust is null
        ? null
        : (Units.PerSecondToPerHour(Robust.SlopeCiLow) / 1000, Units.PerSecondToPerHour(Robust.SlopeCiHigh) / 1000);

    /// <summary>Drift as a percentage of the mean per hour (+12.5 = the mean grows 12.5 % per hour).</summary>
    public double? DriftPercentPerHour => Robust is null || MeanUs is not > 0
        ? null
        : Units.PerSecondToPerHour(Robust.Slope) / MeanUs.Value * 100;

    /// <summary>True when Mann-Kendall rejects "no trend" at <see cref="Alpha"/> and the slope is upward.</summary>
    public bool IsSignificantIncrease => Robust is { } r && r.PValue < Alpha && r.Slope > 0;

    /// <summary>
    /// Named values for budgets (see <see cref="AnalysisMetricNames"/>); empty without enough data,
    /// so a budget on drift reports "not measured" instead of passing on a fake 0.
    /// </summary>
    public IReadOnlyDictionary<string, double> ToMetrics(string prefix = "p95")
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!HasEnoughData)
        {
            return metrics;
        }

        metrics[$"{prefix}{AnalysisMetricNames.DriftMsPerHourSuffix}"] = DriftMsPerHour!.Value;
        if (DriftPercentPerHour is { } pct)
        {
            metrics[$"{prefix}{AnalysisMetricNames.DriftRelativePerHourSuffix}"] = pct / 100;
        }

        metrics[$"{prefix}{AnalysisMetricNames.DriftPValueSuffix}"] = Robust!.PValue;
        metrics[$"{prefix}{AnalysisMetricNames.DriftOlsMsPerHourSuffix}"] = Units.PerSecondToPerHour(Linear!.Slope) / 1000;
        return metrics;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        if (!HasEnoughData)
        {
            return $"drift: not enough data ({IntervalCount} intervals)";
        }

        var ci = DriftMsPerHourCi!.Value;
        var verdict = IsSignificantIncrease ? "significant upward drift" : "no significant upward drift";
        return string.Create(CultureInfo.InvariantCulture,
            $"drift {DriftMsPerHour:+0.###;-0.###;0} ms/h (95% CI {ci.Low:+0.###;-0.###;0}..{ci.High:+0.###;-0.###;0}), " +
            $"{DriftPercentPerHour:+0.##;-0.##;0}% of mean/h, Mann-Kendall p={Formatting.PValue(Robust!.PValue)} over {IntervalCount} intervals, " +
            $"R²={Linear!.RSquared:0.###}: {verdict}");
    }
}
