using Microsoft.Extensions.Time.Testing;
using PerfTests.Failover.Drills;

namespace Harness.Tests.Failover;

[TestFixture]
public sealed class DrillTimelineTests
{
    [Test]
    public void Record_PhasesInOrder_StartOfAndPhaseAtReplayThem()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var origin = clock.GetUtcNow();
        var timeline = new DrillTimeline(clock);
        timeline.Record(DrillPhase.Baseline, "load started");
        clock.Advance(TimeSpan.FromSeconds(10));
        timeline.Record(DrillPhase.Failure, "primary killed");
        clock.Advance(TimeSpan.FromSeconds(2));
        timeline.Record(DrillPhase.Recovery, "standby promoted");

        Assert.Multiple(() =>
        {
            Assert.That(timeline.StartOf(DrillPhase.Failure), Is.EqualTo(origin.AddSeconds(10)));
            Assert.That(timeline.StartOf(DrillPhase.Validation), Is.Null);
            Assert.That(timeline.PhaseAt(origin.AddSeconds(11)), Is.EqualTo(DrillPhase.Failure));
            Assert.That(timeline.CurrentPhase, Is.EqualTo(DrillPhase.Recovery));
            Assert.That(timeline.Format(origin), Does.Contain("10.00s  Failure     primary killed"));
        });
    }

    [Test]
    public void Record_PhaseGoingBackwards_Throws()
    {
        var timeline = new DrillTimeline(new FakeTimeProvider());
        timeline.Record(DrillPhase.Recovery, "promoted");

        Assert.That(() => timeline.Record(DrillPhase.Failure, "again"), Throws.InvalidOperationException.With.Message.Contains("only move forward"));
    }
}
