using PerfTests.Load.Results;
using PerfTests.Suites.Spike;

namespace Integration.Tests.Suites.Unit;

/// <summary>Time to recover read from a timeline: no environment needed, so no Integration category.</summary>
[TestFixture]
public sealed class SpikeRecoveryTests
{
    // 2 s before, 2 s burst, 6 s after; recovered at p95 <= 250 ms for 3 seconds in a row.
    private static readonly SpikePlan Plan = new(10, 10, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6), TimeSpan.FromMilliseconds(250));

    [Test]
    public void Measure_SlowSecondsAfterBurst_CountsUntilThreeGoodSecondsInARow()
    {
        // Seconds 5..10 follow the burst: 900, 100 (one good second is not enough), 600, 100, 100, 100.
        var timeline = Timeline(100, 100, 2000, 2000, 900, 100, 600, 100, 100, 100);

        var recovery = SpikeRecovery.Measure(timeline, Plan, out var recovered);

        Assert.Multiple(() =>
        {
            Assert.That(recovered, Is.True);
            Assert.That(recovery, Is.EqualTo(TimeSpan.FromSeconds(3)));
        });
    }

    [Test]
    public void Measure_NeverBackWithinLimit_ReturnsWholeAfterPeriodAsNotRecovered()
    {
        var timeline = Timeline(100, 100, 2000, 2000, 900, 900, 300, 100, 100, 900);

        var recovery = SpikeRecovery.Measure(timeline, Plan, out var recovered);

        Assert.Multiple(() =>
        {
            Assert.That(recovered, Is.False);
            Assert.That(recovery, Is.EqualTo(Plan.After));
        });
    }

    [Test]
    public void Measure_SecondsWithoutSamples_AreNotEvidenceOfRecovery()
    {
        var timeline = Timeline(100, 100, 2000, 2000, null, null, null, 100, 100, 100);

        var recovery = SpikeRecovery.Measure(timeline, Plan, out var recovered);

        Assert.Multiple(() =>
        {
            Assert.That(recovered, Is.True);
            Assert.That(recovery, Is.EqualTo(TimeSpan.FromSeconds(3)));
        });
    }

    private static List<TimelinePoint> Timeline(params double?[] p95Ms) =>
        p95Ms.Select((p95, i) => new TimelinePoint(i + 1, p95 is null ? 0 : 10, 0, 0, 0, p95 * 1000, p95 * 1000, p95 * 1000)).ToList();
}
