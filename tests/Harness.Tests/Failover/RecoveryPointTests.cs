using Microsoft.Extensions.Time.Testing;
using PerfTests.Failover.Measurement;

namespace Harness.Tests.Failover;

[TestFixture]
public sealed class RecoveryPointTests
{
    [Test]
    public void Compute_TwoAcknowledgedWritesMissing_ListsThemWithLossWindow()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var log = new AcknowledgedWriteLog(clock);
        for (var i = 0; i < 5; i++)
        {
            var seq = log.NextSequence();
            log.Acknowledge(seq, $"r{seq}", 1000 + seq);
            clock.Advance(TimeSpan.FromMilliseconds(500));
        }

        // r4 was acknowledged at +1.5 s; the failure is at +2.5 s.
        var result = RecoveryPoint.Compute(log.Snapshot(), new HashSet<string> { "r1", "r2", "r3" }, clock.GetUtcNow());

        Assert.Multiple(() =>
        {
            Assert.That(result.LostCount, Is.EqualTo(2));
            Assert.That(result.Lost.Select(w => w.Sequence), Is.EqualTo(new long[] { 4, 5 }));
            Assert.That(result.LossWindow, Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(result.Describe(), Does.Contain("lost 2 of 5").And.Contain("#4 (id 1004)").And.Contain("#5 (id 1005)"));
        });
    }

    [Test]
    public void Compute_EverythingSurvived_RpoIsZero()
    {
        var clock = new FakeTimeProvider();
        var log = new AcknowledgedWriteLog(clock);
        log.Acknowledge(log.NextSequence(), "a", null);

        var result = RecoveryPoint.Compute(log.Snapshot(), new HashSet<string> { "a", "unacknowledged-extra" }, clock.GetUtcNow());

        Assert.Multiple(() =>
        {
            Assert.That(result.LostCount, Is.Zero);
            Assert.That(result.LossWindow, Is.EqualTo(TimeSpan.Zero));
            Assert.That(result.Describe(), Does.Contain("RPO 0"));
        });
    }

    [Test]
    public void Describe_ManyLost_ListsAtMostMaxAndCountsTheRest()
    {
        var clock = new FakeTimeProvider();
        var log = new AcknowledgedWriteLog(clock);
        for (var i = 0; i < 10; i++)
        {
            log.Acknowledge(log.NextSequence(), "k" + i, null);
        }

        var result = RecoveryPoint.Compute(log.Snapshot(), new HashSet<string>(), clock.GetUtcNow());

        Assert.That(result.Describe(max: 3), Does.EndWith("#1, #2, #3, ... 7 more"));
    }
}
