using PerfTests.Analysis.Trends;
using PerfTests.Load.Results;

namespace Harness.Tests.Analysis;

public class TimelineIntervalsTests
{
    private static TimelinePoint Second(int second, long requests, double? p95Us) =>
        new(second, requests, 0, 0, 0, p95Us, p95Us, p95Us);

    [Test]
    public void P95_TwoSecondsWithDifferentLoad_WeightsByRequests()
    {
        var timeline = new[] { Second(1, 300, 1000), Second(2, 100, 2000) };

        var series = TimelineIntervals.P95(timeline, TimeSpan.FromSeconds(2));

        Assert.That(series, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(series[0].Value, Is.EqualTo(((300 * 1000.0) + (100 * 2000.0)) / 400));
            Assert.That(series[0].Weight, Is.EqualTo(400));
            Assert.That(series[0].TimeSeconds, Is.EqualTo(1));
        });
    }

    [Test]
    public void P95_EmptySeconds_AreSkippedNotReadAsZero()
    {
        var timeline = new[] { Second(1, 10, 5000), Second(2, 0, null), Second(3, 10, 7000), Second(4, 10, 6000) };

        var series = TimelineIntervals.P95(timeline, TimeSpan.FromSeconds(4));

        Assert.That(series.Single().Value, Is.EqualTo(6000));
    }

    [Test]
    public void P95_IntervalMostlyEmpty_IsDropped()
    {
        // Interval 2 (seconds 5..8) has one second with samples: less than half, so no point.
        var timeline = Enumerable.Range(1, 4).Select(s => Second(s, 10, 1000))
            .Append(Second(5, 10, 9000)).Append(Second(6, 0, null)).Append(Second(7, 0, null)).Append(Second(8, 0, null))
            .ToList();

        var series = TimelineIntervals.P95(timeline, TimeSpan.FromSeconds(4));

        Assert.That(series.Select(p => p.TimeSeconds), Is.EqualTo(new[] { 2.0 }));
    }

    [Test]
    public void Aggregate_IntervalShorterThanOneSecond_Throws()
    {
        Assert.That(() => TimelineIntervals.P95([], TimeSpan.FromMilliseconds(500)), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
