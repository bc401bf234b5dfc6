using PerfTests.Load.Results;

namespace PerfTests.Analysis.Trends;

/// <summary>
/// Aggregates the engine's per-second timeline into intervals of N seconds. An interval's value is
/// the request-weighted mean of its seconds' values (a second with 500 requests counts more than one
/// with 5); seconds without samples are skipped, never read as 0. The exact interval percentile would
/// need per-second histograms, which the timeline does not keep: the weighted mean of per-second p95
/// is a stable proxy that moves with it.
/// </summary>
public static class TimelineIntervals
{
    /// <summary>Per-interval p95 latency (µs) of a timeline.</summary>
    /// <param name="timeline">The scenario's per-second timeline.</param>
    /// <param name="interval">Interval length, whole seconds (e.g. 10 s; at least 1 s).</param>
    public static IReadOnlyList<SeriesPoint> P95(IReadOnlyList<TimelinePoint> timeline, TimeSpan interval) =>
        Aggregate(timeline, interval, p => p.P95Us);

    /// <summary>Per-interval values of any per-second field (e.g. <c>p =&gt; p.P99Us</c>).</summary>
    /// <param name="timeline">The scenario's per-second timeline.</param>
    /// <param name="interval">Interval length, whole seconds (at least 1 s).</param>
    /// <param name="selector">The per-second value; null means "no samples in this second".</param>
    /// <returns>
    /// One point per interval whose seconds with samples cover at least half of it (a short tail
    /// would be too noisy), at the interval's midpoint (seconds since the measured start).
    /// </returns>
    public static IReadOnlyList<SeriesPoint> Aggregate(
        IReadOnlyList<TimelinePoint> timeline, TimeSpan interval, Func<TimelinePoint, double?> selector)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(selector);
        var seconds = (int)interval.TotalSeconds;
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, 1, nameof(interval));

        var result = new List<SeriesPoint>();
        foreach (var group in timeline.Where(p => p.Second >= 1).GroupBy(p => (p.Second - 1) / seconds).OrderBy(g => g.Key))
        {
            var withSamples = group.Where(p => p.Requests > 0 && selector(p) is not null).ToList();
            if (withSamples.Count * 2 < seconds)
            {
                continue;
            }

            long weight = withSamples.Sum(p => p.Requests);
            var value = withSamples.Sum(p => selector(p)!.Value * p.Requests) / weight;
            var midpoint = (group.Key * seconds) + (seconds / 2.0);
            result.Add(new SeriesPoint(midpoint, value, weight));
        }

        return result;
    }
}
