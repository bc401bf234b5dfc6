using HdrHistogram;

namespace PerfTests.Load.Histograms;

/// <summary>
/// Latency recording without a shared lock: a small fixed number of stripes (one
/// <see cref="Recorder"/> each) picked by worker id, so memory grows with cores, not with
/// virtual users. Interval snapshots are taken without stopping writers.
/// </summary>
internal sealed class StripedRecorder
{
    private readonly Recorder[] _stripes;
    private readonly HistogramBase?[] _recycled;

    public StripedRecorder(int stripeCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stripeCount, 1);
        _stripes = new Recorder[stripeCount];
        _recycled = new HistogramBase?[stripeCount];
        for (var i = 0; i < stripeCount; i++)
        {
            _stripes[i] = new Recorder(
                HistogramSettings.LowestUs,
                HistogramSettings.HighestUs,
                HistogramSettings.SignificantDigits,
                static (id, _, _, _) => HistogramSettings.CreateConcurrent(id));
        }
    }

    public int StripeCount => _stripes.Length;

    /// <summary>Records one value (µs, clamped) on the stripe of <paramref name="workerId"/>.</summary>
    public void Record(int workerId, long valueUs) =>
        _stripes[(uint)workerId % (uint)_stripes.Length].RecordValue(HistogramSettings.Clamp(valueUs));

    /// <summary>
    /// Moves everything recorded since the previous call into <paramref name="target"/> (added,
    /// not overwritten). Single caller at a time (the collector).
    /// </summary>
    public void DrainInto(HistogramBase target)
    {
        for (var i = 0; i < _stripes.Length; i++)
        {
            var interval = _stripes[i].GetIntervalHistogram(_recycled[i]);
            target.Add(interval);
            _recycled[i] = interval;
        }
    }
}
