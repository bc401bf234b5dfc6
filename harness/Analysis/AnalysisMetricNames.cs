namespace PerfTests.Analysis;

/// <summary>
/// Names of the metrics the analyses expose to budgets (<c>ToMetrics()</c>). A metric is absent,
/// never 0, when its analysis had not enough data.
/// </summary>
public static class AnalysisMetricNames
{
    /// <summary>"p95_drift_ms_per_hour": Theil-Sen slope of per-interval p95, milliseconds per hour.</summary>
    public const string P95DriftMsPerHour = "p95" + DriftMsPerHourSuffix;

    /// <summary>
    /// "p95_drift_relative_per_hour": the same slope relative to the mean p95, per hour, as a FRACTION
    /// (0.05 = +5 % per hour), so that a budget written <c>metric(p95_drift_relative_per_hour) &lt; 5%</c> matches.
    /// </summary>
    public const string P95DriftRelativePerHour = "p95" + DriftRelativePerHourSuffix;

    /// <summary>"p95_drift_p_value": two-sided Mann-Kendall p-value of the p95 trend (small = real trend).</summary>
    public const string P95DriftPValue = "p95" + DriftPValueSuffix;

    /// <summary>"p95_drift_ols_ms_per_hour": least-squares slope, ms per hour (for comparison; outlier-sensitive).</summary>
    public const string P95DriftOlsMsPerHour = "p95" + DriftOlsMsPerHourSuffix;

    /// <summary>"memory_growth_mb_per_hour": Theil-Sen slope of the memory samples, MiB per hour.</summary>
    public const string MemoryGrowthMbPerHour = "memory" + GrowthMbPerHourSuffix;

    /// <summary>"memory_projected_growth_mb": growth projected over the nominal endurance duration, MiB.</summary>
    public const string MemoryProjectedGrowthMb = "memory" + ProjectedGrowthMbSuffix;

    /// <summary>"memory_leak_probability": probability (0..1) that the projected growth exceeds the limit.</summary>
    public const string MemoryLeakProbability = "memory" + LeakProbabilitySuffix;

    internal const string DriftMsPerHourSuffix = "_drift_ms_per_hour";
    internal const string DriftRelativePerHourSuffix = "_drift_relative_per_hour";
    internal const string DriftPValueSuffix = "_drift_p_value";
    internal const string DriftOlsMsPerHourSuffix = "_drift_ols_ms_per_hour";
    internal const string GrowthMbPerHourSuffix = "_growth_mb_per_hour";
    internal const string ProjectedGrowthMbSuffix = "_projected_growth_mb";
    internal const string LeakProbabilitySuffix = "_leak_probability";
}
