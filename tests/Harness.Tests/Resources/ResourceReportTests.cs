using PerfTests.Resources;

namespace Harness.Tests.Resources;

[TestFixture]
public sealed class ResourceReportTests
{
    private static readonly string[] AggregateKeys = ["pg.connections.peak", "pg.connections.mean", "pg.connections.p95", "pg.connections.min"];


    internal static ResourceReport Report(params (string Name, double[] Values)[] series) =>
        new(DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1),
            series.ToDictionary(
                s => s.Name,
                s => (IReadOnlyList<ResourcePoint>)s.Values.Select((v, i) => new ResourcePoint(TimeSpan.FromSeconds(i), v)).ToArray()),
            []);

    [Test]
    public void Stats_OneToTwenty_GivesNearestRankP95AndMeanAndPeak()
    {
        var stats = ResourceStats.Of(Enumerable.Range(1, 20).Select(i => new ResourcePoint(TimeSpan.Zero, i)).ToArray());

        Assert.That(stats, Is.EqualTo(new ResourceStats(20, 1, 10.5, 19, 20)));
    }

    [Test]
    public void Stats_NoPoints_Throws()
    {
        Assert.That(() => ResourceStats.Of([]), Throws.ArgumentException);
    }

    [Test]
    public void ToMetrics_OneSeries_GivesPeakMeanP95AndMin()
    {
        var report = Report(("pg.connections", [4, 8, 6]));

        var metrics = report.ToMetrics();

        Assert.That(metrics.Keys, Is.EquivalentTo(AggregateKeys));
        Assert.That(metrics["pg.connections.peak"], Is.EqualTo(8));
        Assert.That(metrics["pg.connections.mean"], Is.EqualTo(6));
        Assert.That(metrics["pg.connections.min"], Is.EqualTo(4));
    }

    [Test]
    public void ToCsv_TwoPoints_WritesOneLinePerPoint()
    {
        var csv = Report(("redis.used_memory_mb", [1.5, 2])).ToCsv();

        Assert.That(csv, Is.EqualTo("offset_s,metric,value\n0,redis.used_memory_mb,1.5\n1,redis.used_memory_mb,2\n"));
    }
}
