using PerfTests.Failover.Measurement;
using PerfTests.Load.Results;

namespace Harness.Tests.Failover;

[TestFixture]
public sealed class RecoveryTimeTests
{
    // 20 requests per second; seconds listed in `failing` have `failuresPerSecond` failures.
    private static List<TimelinePoint> Timeline(int seconds, int[] failing, int failuresPerSecond = 20, double p95Ms = 10) =>
        Enumerable.Range(1, seconds)
            .Select(s => new TimelinePoint(s, 20, failing.Contains(s) ? failuresPerSecond : 0, 0, 0, p95Ms * 500, failing.Contains(s) ? 5_000_000 : p95Ms * 1000, null))
            .ToList();

    [Test]
    public void Compute_OutageOfFourSeconds_RtoFromFailureToFirstStableSecond()
    {
        // Failure at 10.5 s; seconds 12..15 fail; second 16 ([15 s, 16 s)) starts the healthy run.
        var timeline = Timeline(30, [12, 13, 14, 15]);

        var result = RecoveryTime.Compute(timeline, TimeSpan.FromSeconds(10.5), maxErrorRate: 0.02);

        Assert.Multiple(() =>
        {
            Assert.That(result.Recovered, Is.True);
            Assert.That(result.Rto, Is.EqualTo(TimeSpan.FromSeconds(4.5)));
            Assert.That(result.FailuresDuringOutage, Is.EqualTo(80));
            Assert.That(result.MaxP95DuringOutageMs, Is.EqualTo(5000));
            Assert.That(result.FailuresAfterRecovery, Is.Zero);
            Assert.That(result.MaxP95AfterRecoveryMs, Is.EqualTo(10));
        });
    }

    [Test]
    public void Compute_OneLuckySecondInsideOutage_IsNotRecovery()
    {
        // Second 14 is clean but 15 fails again: with 3 stable seconds required, recovery starts at 16.
        var timeline = Timeline(30, [12, 13, 15]);

        var result = RecoveryTime.Compute(timeline, TimeSpan.FromSeconds(11), maxErrorRate: 0.02, stableSeconds: 3);

        Assert.That(result.Rto, Is.EqualTo(TimeSpan.FromSeconds(4)));
    }

    [Test]
    public void Compute_NeverRecovers_ReportsNotRecoveredAndObservedWindow()
    {
        var timeline = Timeline(30, Enumerable.Range(11, 20).ToArray());

        var result = RecoveryTime.Compute(timeline, TimeSpan.FromSeconds(10), maxErrorRate: 0.02);

        Assert.Multiple(() =>
        {
            Assert.That(result.Recovered, Is.False);
            Assert.That(result.Rto, Is.Null);
            Assert.That(result.ObservedAfterFailure, Is.EqualTo(TimeSpan.FromSeconds(20)));
            Assert.That(result.ErrorRateAfterRecovery, Is.NaN);
        });
    }

    [Test]
    public void Compute_SecondsWithoutTraffic_AreNotHealthy()
    {
        // A stalled system finishes nothing: silence must not read as recovery.
        var timeline = Timeline(30, []).Where(p => p.Second is < 11 or > 20).ToList();

        var result = RecoveryTime.Compute(timeline, TimeSpan.FromSeconds(10), maxErrorRate: 0.02);

        Assert.That(result.Rto, Is.EqualTo(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void Compute_ErrorRateBelowLimit_CountsAsHealthy()
    {
        // 1 failure in 100 requests is within a 2% limit; 3 in 100 is not.
        var timeline = Enumerable.Range(1, 10).Select(s => new TimelinePoint(s, 100, s <= 5 ? 3 : 1, 0, 0, null, null, null)).ToList();

        var result = RecoveryTime.Compute(timeline, TimeSpan.Zero, maxErrorRate: 0.02);

        Assert.That(result.Rto, Is.EqualTo(TimeSpan.FromSeconds(5)));
    }
}
