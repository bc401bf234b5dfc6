using HdrHistogram;
using PerfTests.Load.Histograms;

namespace PerfTests.Failover.Measurement;

/// <summary>
/// Latency of the requests that started inside a window (e.g. kill to recovery), from one
/// histogram of all of them. The p95 is NaN ("not enough data") below 20 requests: a 95th
/// percentile of fewer samples is just the maximum of a handful and must not pass a budget.
/// </summary>
/// <param name="Requests">Requests that started in the window and finished.</param>
/// <param name="P95Ms">95th percentile latency, milliseconds; NaN below <see cref="MinimumSamplesForP95"/> requests.</param>
/// <param name="MaxMs">Largest latency, milliseconds; NaN without requests.</param>
public sealed record WindowLatency(long Requests, double P95Ms, double MaxMs)
{
    /// <summary>Samples a p95 needs: 1 / (1 - 0.95), the same rule the budgets apply to p(95).</summary>
    public const int MinimumSamplesForP95 = 20;

    /// <summary>True when <see cref="P95Ms"/> could be computed.</summary>
    public bool HasEnoughData => Requests >= MinimumSamplesForP95;

    /// <summary>Builds the histogram of <paramref name="latenciesUs"/> (microseconds) and reads it.</summary>
    public static WindowLatency Compute(IEnumerable<long> latenciesUs)
    {
        ArgumentNullException.ThrowIfNull(latenciesUs);
        var histogram = HistogramSettings.Create();
        foreach (var us in latenciesUs)
        {
            histogram.RecordValue(Math.Clamp(us, HistogramSettings.LowestUs, HistogramSettings.HighestUs));
        }

        var count = histogram.TotalCount;
        return new WindowLatency(
            count,
            count >= MinimumSamplesForP95 ? histogram.GetValueAtPercentile(95) / 1000.0 : double.NaN,
            count > 0 ? histogram.GetMaxValue() / 1000.0 : double.NaN);
    }

    /// <summary>One line for logs and reports.</summary>
    public string Describe() => HasEnoughData
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"p95 {P95Ms:F0} ms, max {MaxMs:F0} ms over {Requests} requests")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"not enough data: {Requests} requests, a p95 needs >= {MinimumSamplesForP95}");
}
