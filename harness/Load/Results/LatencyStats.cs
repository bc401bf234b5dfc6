using HdrHistogram;
using PerfTests.Load.Histograms;

namespace PerfTests.Load.Results;

/// <summary>
/// Immutable latency statistics computed from an HdrHistogram (values in microseconds).
/// With no samples every value is <c>null</c> and <see cref="Count"/> is 0: never a fake 0.
/// </summary>
public sealed class LatencyStats
{
    private readonly HistogramBase _histogram;

    internal LatencyStats(HistogramBase histogram)
    {
        // A private copy keeps the result immutable even if the caller's histogram changes.
        _histogram = histogram.Copy();
        Count = _histogram.TotalCount;
        if (Count > 0)
        {
            MeanUs = _histogram.GetMean();
            StdDevUs = _histogram.GetStdDeviation();
            MaxUs = _histogram.GetMaxValue();
        }

        P50 = GetPercentile(50);
        P75 = GetPercentile(75);
        P90 = GetPercentile(90);
        P95 = GetPercentile(95);
        P99 = GetPercentile(99);
        P999 = GetPercentile(99.9);
    }

    /// <summary>An empty instance (count 0, no values).</summary>
    public static LatencyStats Empty { get; } = new(HistogramSettings.Create());

    /// <summary>Number of recorded samples.</summary>
    public long Count { get; }

    /// <summary>Mean in µs, null without samples.</summary>
    public double? MeanUs { get; }

    /// <summary>Standard deviation in µs, null without samples.</summary>
    public double? StdDevUs { get; }

    /// <summary>Largest recorded value in µs (HdrHistogram precision), null without samples.</summary>
    public long? MaxUs { get; }

    /// <summary>Median.</summary>
    public PercentileValue P50 { get; }

    /// <summary>75th percentile.</summary>
    public PercentileValue P75 { get; }

    /// <summary>90th percentile.</summary>
    public PercentileValue P90 { get; }

    /// <summary>95th percentile.</summary>
    public PercentileValue P95 { get; }

    /// <summary>99th percentile.</summary>
    public PercentileValue P99 { get; }

    /// <summary>99.9th percentile.</summary>
    public PercentileValue P999 { get; }

    /// <summary>Any percentile (0..100); the value is null when <see cref="Count"/> is 0.</summary>
    public PercentileValue GetPercentile(double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        return Count == 0
            ? new PercentileValue(percentile, null, 0)
            : new PercentileValue(percentile, _histogram.GetValueAtPercentile(percentile), Count);
    }

    /// <summary>A copy of the underlying histogram (µs, shared configuration), e.g. to merge or log it.</summary>
    public HistogramBase CopyHistogram() => _histogram.Copy();

    /// <inheritdoc />
    public override string ToString() => Count == 0
        ? "n=0 (no samples)"
        : $"n={Count} mean={Format.Micros(MeanUs)} p50={Format.Micros(P50.ValueUs)} p95={Format.Micros(P95.ValueUs)} " +
          $"p99={Format.Micros(P99.ValueUs)} p99.9={Format.Micros(P999.ValueUs)} max={Format.Micros(MaxUs)}";
}
