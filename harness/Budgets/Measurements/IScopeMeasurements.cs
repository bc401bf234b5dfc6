namespace PerfTests.Budgets;

/// <summary>
/// Measurements of one scenario or one step. Latencies are corrected latencies in milliseconds,
/// measured from the intended start time (no coordinated omission).
/// </summary>
public interface IScopeMeasurements
{
    /// <summary>Requests (or iterations) completed, successful or not.</summary>
    long RequestCount { get; }

    /// <summary>Requests that failed.</summary>
    long FailureCount { get; }

    /// <summary>Iterations the load model wanted to start but could not (open model back-pressure).</summary>
    long DroppedCount { get; }

    /// <summary>Completed requests per second over the measured period.</summary>
    double RequestsPerSecond { get; }

    /// <summary>Bytes transferred per second over the measured period (0 when unknown).</summary>
    double BytesPerSecond { get; }

    /// <summary>How many latency samples the percentiles, mean, max and stddev come from.</summary>
    long LatencySampleCount { get; }

    /// <summary>Mean latency in milliseconds.</summary>
    double MeanLatencyMs { get; }

    /// <summary>Largest latency in milliseconds.</summary>
    double MaxLatencyMs { get; }

    /// <summary>Standard deviation of latency in milliseconds.</summary>
    double StdDevLatencyMs { get; }

    /// <summary>Smallest latency in milliseconds; by default the latency at percentile 0.</summary>
    double MinLatencyMs => LatencyAtPercentileMs(0);

    /// <summary>The names <see cref="Metric"/> knows, listed when a budget names another; by default none are listed.</summary>
    IReadOnlyCollection<string> MetricNames => [];

    /// <summary>Latency at a percentile, in milliseconds.</summary>
    /// <param name="percentile">Percentile in [0, 100], e.g. 99.9.</param>
    double LatencyAtPercentileMs(double percentile);

    /// <summary>
    /// A custom metric (resource usage, pool usage, cache hit ratio...), compared as returned.
    /// Ratios should be fractions (0.9), so that a budget of <c>90%</c> matches.
    /// </summary>
    /// <returns>The value, or <see langword="null"/> when the metric was not measured.</returns>
    double? Metric(string name);
}
