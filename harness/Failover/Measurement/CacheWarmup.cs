namespace PerfTests.Failover.Measurement;

/// <summary>
/// Cold-cache recovery: after the cache comes back empty, the time until the hit ratio, measured
/// between consecutive counter samples, is back to <c>targetRatio</c>.
/// </summary>
/// <param name="Recovered">False when the ratio never reached the target in the samples.</param>
/// <param name="RecoveryTime">From the restart to the end of the first interval at or above target; null if not recovered.</param>
/// <param name="BaselineHitRatio">Hit ratio over the samples before the failure; NaN without lookups.</param>
public sealed record CacheWarmup(bool Recovered, TimeSpan? RecoveryTime, double BaselineHitRatio)
{
    /// <summary>Measures warm-up from cumulative counter samples.</summary>
    /// <param name="samples">Counter samples in time order (polled, e.g. every 500 ms).</param>
    /// <param name="failureAt">When the cache died (samples before it make the baseline).</param>
    /// <param name="restartAt">When the cache was back (empty).</param>
    /// <param name="targetFractionOfBaseline">Fraction of the baseline hit ratio that counts as warm again (default 0.9).</param>
    /// <param name="minLookups">Lookups an interval needs to be judged (default 5), so an idle interval is not "warm".</param>
    /// <param name="baselineWindow">Only this much before the failure makes the baseline (default 2 s), so the cache's first warm-up does not lower it.</param>
    public static CacheWarmup Compute(
        IReadOnlyList<CacheCounterSample> samples,
        DateTimeOffset failureAt,
        DateTimeOffset restartAt,
        double targetFractionOfBaseline = 0.9,
        long minLookups = 5,
        TimeSpan? baselineWindow = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var from = failureAt - (baselineWindow ?? TimeSpan.FromSeconds(2));
        var before = samples.Where(s => s.At <= failureAt && s.At >= from).ToList();
        var baseline = before.Count < 2 || before[^1].Lookups == before[0].Lookups
            ? double.NaN
            : (double)(before[^1].Hits - before[0].Hits) / (before[^1].Lookups - before[0].Lookups);
        if (double.IsNaN(baseline))
        {
            return new CacheWarmup(false, null, baseline);
        }

        var target = baseline * targetFractionOfBaseline;
        var after = samples.Where(s => s.At >= restartAt).ToList();
        for (var i = 1; i < after.Count; i++)
        {
            var lookups = after[i].Lookups - after[i - 1].Lookups;
            if (lookups >= minLookups && (double)(after[i].Hits - after[i - 1].Hits) / lookups >= target)
            {
                return new CacheWarmup(true, after[i].At - restartAt, baseline);
            }
        }

        return new CacheWarmup(false, null, baseline);
    }
}
