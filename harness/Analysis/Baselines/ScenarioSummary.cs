namespace PerfTests.Analysis.Baselines;

/// <summary>Compact result of one scenario, as saved for later baseline comparison. Latencies in µs (corrected).</summary>
public sealed record ScenarioSummary
{
    /// <summary>Scenario name.</summary>
    public required string Name { get; init; }

    /// <summary>Measured duration, seconds.</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>Finished iterations (ok + failed).</summary>
    public required long RequestCount { get; init; }

    /// <summary>Failed iterations.</summary>
    public required long FailCount { get; init; }

    /// <summary>Dropped arrivals (open model).</summary>
    public required long DroppedCount { get; init; }

    /// <summary>Finished iterations per second.</summary>
    public required double RequestsPerSecond { get; init; }

    /// <summary>Failed / finished, 0..1 (0 when nothing finished).</summary>
    public required double ErrorRate { get; init; }

    /// <summary>Median latency, µs; null without samples.</summary>
    public double? P50Us { get; init; }

    /// <summary>95th percentile, µs; null without samples.</summary>
    public double? P95Us { get; init; }

    /// <summary>99th percentile, µs; null without samples.</summary>
    public double? P99Us { get; init; }

    /// <summary>
    /// p95 of each interval of <see cref="RunSummary.IntervalSeconds"/> (µs, request-weighted over
    /// its seconds, empty intervals left out): the samples the baseline comparison tests.
    /// </summary>
    public required IReadOnlyList<double> IntervalP95Us { get; init; }

    /// <summary>
    /// The scenario's HdrHistogram log (tags "{name}.latency", "{name}.uncorrected", "{name}.step.{step}"),
    /// base64 of the log file's bytes; null when not kept. Readable with <c>HistogramLog.Read</c>.
    /// </summary>
    public string? HistogramLogBase64 { get; init; }
}
