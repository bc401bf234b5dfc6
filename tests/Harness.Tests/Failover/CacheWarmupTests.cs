using PerfTests.Failover.Measurement;

namespace Harness.Tests.Failover;

[TestFixture]
public sealed class CacheWarmupTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    // Cumulative counters every second: `ratios[i]` is the hit ratio of second i, 100 lookups each.
    private static List<CacheCounterSample> Samples(params double[] ratios)
    {
        var samples = new List<CacheCounterSample> { new(T0, 0, 0) };
        long hits = 0, lookups = 0;
        for (var i = 0; i < ratios.Length; i++)
        {
            hits += (long)Math.Round(ratios[i] * 100);
            lookups += 100;
            samples.Add(new CacheCounterSample(T0.AddSeconds(i + 1), hits, lookups));
        }

        return samples;
    }

    [Test]
    public void Compute_RatioClimbsBackAfterRestart_TimeToFirstWarmInterval()
    {
        // Baseline 95%; killed at 5 s, back at 8 s; intervals after: 10%, 50%, 80%, 90%, 95%.
        var samples = Samples(0.95, 0.95, 0.95, 0.95, 0.95, 0, 0, 0, 0.10, 0.50, 0.80, 0.90, 0.95);

        var result = CacheWarmup.Compute(samples, T0.AddSeconds(5), T0.AddSeconds(8), targetFractionOfBaseline: 0.9);

        Assert.Multiple(() =>
        {
            Assert.That(result.BaselineHitRatio, Is.EqualTo(0.95).Within(1e-9));
            Assert.That(result.Recovered, Is.True);
            // 0.9 * 0.95 = 0.855: the first interval at or above it ends at 12 s, 4 s after the restart.
            Assert.That(result.RecoveryTime, Is.EqualTo(TimeSpan.FromSeconds(4)));
        });
    }

    [Test]
    public void Compute_FirstWarmUpBeforeBaselineWindow_DoesNotLowerBaseline()
    {
        // The cache warms 0% -> 50% -> 100% at start; only the last 2 s before the kill (100%) count.
        var samples = Samples(0, 0.5, 1, 1, 1, 0, 0.5, 0.95);

        var result = CacheWarmup.Compute(samples, T0.AddSeconds(5), T0.AddSeconds(6));

        Assert.Multiple(() =>
        {
            Assert.That(result.BaselineHitRatio, Is.EqualTo(1.0));
            Assert.That(result.RecoveryTime, Is.EqualTo(TimeSpan.FromSeconds(2)));
        });
    }

    [Test]
    public void Compute_CacheNeverWarms_NotRecovered()
    {
        var samples = Samples(0.9, 0.9, 0.9, 0, 0, 0, 0, 0);

        var result = CacheWarmup.Compute(samples, T0.AddSeconds(3), T0.AddSeconds(4));

        Assert.Multiple(() =>
        {
            Assert.That(result.Recovered, Is.False);
            Assert.That(result.RecoveryTime, Is.Null);
        });
    }

    [Test]
    public void Compute_IdleIntervals_AreNotJudgedWarm()
    {
        // After the restart nothing is looked up for 3 s, then 2 of 2 hit (too few), then 100 of 100.
        var samples = Samples(0.9, 0.9, 0.9);
        samples.Add(new CacheCounterSample(T0.AddSeconds(6), samples[^1].Hits, samples[^1].Lookups));
        samples.Add(new CacheCounterSample(T0.AddSeconds(7), samples[^1].Hits + 2, samples[^1].Lookups + 2));
        samples.Add(new CacheCounterSample(T0.AddSeconds(8), samples[^1].Hits + 100, samples[^1].Lookups + 100));

        var result = CacheWarmup.Compute(samples, T0.AddSeconds(3), T0.AddSeconds(4));

        Assert.That(result.RecoveryTime, Is.EqualTo(TimeSpan.FromSeconds(4)));
    }

    [Test]
    public void Compute_NoBaselineLookups_CannotJudge()
    {
        var samples = new List<CacheCounterSample> { new(T0, 0, 0), new(T0.AddSeconds(1), 0, 0), new(T0.AddSeconds(5), 50, 50) };

        var result = CacheWarmup.Compute(samples, T0.AddSeconds(1), T0.AddSeconds(2));

        Assert.Multiple(() =>
        {
            Assert.That(result.BaselineHitRatio, Is.NaN);
            Assert.That(result.Recovered, Is.False);
        });
    }
}
