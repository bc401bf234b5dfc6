namespace PerfTests.Budgets;

/// <summary>What a budget line measures.</summary>
public enum MetricKind
{
    /// <summary><c>p(N)</c> / <c>med</c>: latency at a percentile, milliseconds.</summary>
    Percentile,

    /// <summary><c>avg</c>: mean latency, milliseconds.</summary>
    Mean,

    /// <summary><c>max</c> / <c>p(100)</c>: largest latency, milliseconds.</summary>
    Max,

    /// <summary><c>stddev</c>: latency standard deviation, milliseconds.</summary>
    StdDev,

    /// <summary><c>rate</c>: failed / all requests, a fraction (written as % or 0..1).</summary>
    ErrorRate,

    /// <summary><c>rps</c>: completed requests per second (higher is better).</summary>
    RequestsPerSecond,

    /// <summary><c>bytes_per_second</c>: transfer rate (higher is better).</summary>
    BytesPerSecond,

    /// <summary><c>dropped</c>: iterations the load model could not start.</summary>
    Dropped,

    /// <summary><c>failures</c>: failed request count.</summary>
    Failures,

    /// <summary><c>requests</c> (k6: <c>count</c>): completed request count (higher is better).</summary>
    Requests,

    /// <summary><c>metric(name)</c>: a custom metric from <see cref="IScopeMeasurements.Metric"/>.</summary>
    Custom,

    /// <summary><c>min</c> / <c>p(0)</c>: smallest latency, milliseconds.</summary>
    Min,
}
