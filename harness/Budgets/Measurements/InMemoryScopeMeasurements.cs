namespace PerfTests.Budgets;

/// <summary>
/// Scope measurements computed from raw latency samples (milliseconds). Percentiles use the
/// nearest-rank method, so they are always a latency that really happened.
/// </summary>
public sealed class InMemoryScopeMeasurements : IScopeMeasurements
{
    private readonly double[] sortedLatenciesMs;
    private readonly Dictionary<string, double> metrics = new(StringComparer.Ordinal);

    /// <summary>Creates measurements from latency samples.</summary>
    /// <param name="latenciesMs">One corrected latency per request, in milliseconds.</param>
    /// <param name="failureCount">Failed requests among them.</param>
    /// <param name="duration">Measured period, used for requests per second.</param>
    /// <param name="droppedCount">Iterations that could not start.</param>
    /// <param name="totalBytes">Bytes transferred in the period.</param>
    public InMemoryScopeMeasurements(
        IEnumerable<double> latenciesMs, long failureCount, TimeSpan duration, long droppedCount = 0, long totalBytes = 0)
    {
        ArgumentNullException.ThrowIfNull(latenciesMs);
        sortedLatenciesMs = [.. latenciesMs.Order()];
        FailureCount = failureCount;
        DroppedCount = droppedCount;
        var seconds = duration.TotalSeconds;
        RequestsPerSecond = seconds > 0 ? sortedLatenciesMs.Length / seconds : 0;
        BytesPerSecond = seconds > 0 ? totalBytes / seconds : 0;
    }

    /// <inheritdoc />
    public long RequestCount => sortedLatenciesMs.Length;

    /// <inheritdoc />
    public long FailureCount { get; }

    /// <inheritdoc />
    public long DroppedCount { get; }

    /// <inheritdoc />
    public double RequestsPerSecond { get; }

    /// <inheritdoc />
    public double BytesPerSecond { get; }

    /// <inheritdoc />
    public long LatencySampleCount => sortedLatenciesMs.Length;

    /// <inheritdoc />
    public double MeanLatencyMs => sortedLatenciesMs.Length == 0 ? double.NaN : sortedLatenciesMs.Average();

    /// <inheritdoc />
    public double MaxLatencyMs => sortedLatenciesMs.Length == 0 ? double.NaN : sortedLatenciesMs[^1];

    /// <inheritdoc />
    public double MinLatencyMs => sortedLatenciesMs.Length == 0 ? double.NaN : sortedLatenciesMs[0];

    /// <inheritdoc />
    public double StdDevLatencyMs
    {
        get
        {
            if (sortedLatenciesMs.Length == 0)
            {
                return double.NaN;
            }

            var mean = MeanLatencyMs;
            return Math.Sqrt(sortedLatenciesMs.Sum(x => (x - mean) * (x - mean)) / sortedLatenciesMs.Length);
        }
    }

    /// <inheritdoc />
    public double LatencyAtPercentileMs(double percentile)
    {
        if (sortedLatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percentile / 100.0 * sortedLatenciesMs.Length);
        return sortedLatenciesMs[Math.Clamp(rank, 1, sortedLatenciesMs.Length) - 1];
    }

    /// <summary>Sets a custom metric; returns this for chaining.</summary>
    public InMemoryScopeMeasurements WithMetric(string name, double value)
    {
        metrics[name] = value;
        return this;
    }

    /// <inheritdoc />
    public double? Metric(string name) => metrics.TryGetValue(name, out var v) ? v : null;

    /// <inheritdoc />
    public IReadOnlyCollection<string> MetricNames => [.. metrics.Keys];
}
