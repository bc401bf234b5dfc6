namespace PerfTests.Load.Results;

/// <summary>
/// One percentile of a latency distribution together with the number of samples behind it,
/// so a caller can refuse to judge a p99 computed from too few samples.
/// </summary>
/// <param name="Percentile">The percentile asked for, 0..100 (e.g. 99.9).</param>
/// <param name="ValueUs">The value in microseconds; <c>null</c> when <paramref name="SampleCount"/> is 0 (never a fake 0).</param>
/// <param name="SampleCount">How many samples the histogram held.</param>
public readonly record struct PercentileValue(double Percentile, double? ValueUs, long SampleCount)
{
    /// <summary>True when there was at least one sample.</summary>
    public bool HasValue => ValueUs.HasValue;

    /// <summary>The value as a <see cref="TimeSpan"/>, or <c>null</c> without samples.</summary>
    public TimeSpan? Value => ValueUs is { } us ? TimeSpan.FromMicroseconds(us) : null;

    /// <inheritdoc />
    public override string ToString() =>
        ValueUs is { } us ? $"p{Percentile}={Format.Micros(us)} (n={SampleCount})" : $"p{Percentile}=n/a (n=0)";
}
