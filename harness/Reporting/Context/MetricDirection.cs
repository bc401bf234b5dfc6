namespace PerfTests.Reporting.Context;

/// <summary>Which way a metric improves; Allure 3 colours trend changes with it.</summary>
public enum MetricDirection
{
    /// <summary>No direction (shown neutral).</summary>
    None,

    /// <summary>Smaller is better: latency, error rate, memory.</summary>
    LowerIsBetter,

    /// <summary>Larger is better: throughput.</summary>
    HigherIsBetter,
}
