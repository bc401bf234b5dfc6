using Microsoft.Extensions.Time.Testing;
using PerfTests.Failover.Drills;

namespace Harness.Tests.Failover;

[TestFixture]
public sealed class DrillFaultWindowsTests
{
    [Test]
    public void From_RecoveredDrill_ShadesFailureRecoveryAndOutageFromTheRunStart()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var origin = clock.GetUtcNow();
        var timeline = new DrillTimeline(clock);
        timeline.Record(DrillPhase.Baseline, "load started");
        clock.Advance(TimeSpan.FromSeconds(6));
        timeline.Record(DrillPhase.Failure, "standby cut off");
        clock.Advance(TimeSpan.FromSeconds(3));
        var killedAt = timeline.Record(DrillPhase.Failure, "primary killed (SIGKILL)").At;
        clock.Advance(TimeSpan.FromSeconds(2));
        timeline.Record(DrillPhase.Recovery, "standby promoted");
        clock.Advance(TimeSpan.FromSeconds(30));
        timeline.Record(DrillPhase.Validation, "load stopped");

        var windows = DrillFaultWindows.From(timeline, origin, killedAt, TimeSpan.FromSeconds(4));

        Assert.Multiple(() =>
        {
            Assert.That(windows, Has.Count.EqualTo(3));
            Assert.That((windows[0].From, windows[0].To, windows[0].Fault), Is.EqualTo((TimeSpan.FromSeconds(6), (TimeSpan?)TimeSpan.FromSeconds(11), "failure: primary killed (SIGKILL)")));
            Assert.That((windows[1].From, windows[1].To), Is.EqualTo((TimeSpan.FromSeconds(11), (TimeSpan?)TimeSpan.FromSeconds(41))));
            Assert.That((windows[2].From, windows[2].To, windows[2].Fault), Is.EqualTo((TimeSpan.FromSeconds(9), (TimeSpan?)TimeSpan.FromSeconds(13), "outage until recovered (RTO 4.0 s)")));
        });
    }

    [Test]
    public void From_NotRecoveredAndStillRunning_OutageAndLastPhaseAreOpenEnded()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var origin = clock.GetUtcNow();
        var timeline = new DrillTimeline(clock);
        clock.Advance(TimeSpan.FromSeconds(5));
        var killedAt = timeline.Record(DrillPhase.Failure, "instance 1 killed (SIGKILL) and the failure description is far too long for a chart").At;

        var windows = DrillFaultWindows.From(timeline, origin, killedAt, rto: null);

        Assert.Multiple(() =>
        {
            Assert.That(windows, Has.Count.EqualTo(2));
            Assert.That(windows[0].To, Is.Null);
            Assert.That(windows[0].Fault, Has.Length.EqualTo(48).And.EndsWith("…"));
            Assert.That((windows[1].From, windows[1].To, windows[1].Fault), Is.EqualTo((TimeSpan.FromSeconds(5), (TimeSpan?)null, "outage: not recovered")));
        });
    }
}
