using Microsoft.Extensions.Time.Testing;
using PerfTests.Resources;

namespace Harness.Tests.Resources;

[TestFixture]
public sealed class ResourceSamplerTests
{
    private static readonly double[] OnlyTheKnownRatio = [0.9];


    [Test]
    public async Task Start_ThreeIntervalsElapse_RecordsFourPointsOnTheSamplerTimeline()
    {
        var time = new FakeTimeProvider();
        using var source = new FakeResourceSource("db", call => new Dictionary<string, double> { ["connections"] = call * 10 });
        await using var sampler = ResourceSampler.Start([source], TimeSpan.FromSeconds(1), time);
        await source.WaitForSampleAsync();
        for (var i = 0; i < 3; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await source.WaitForSampleAsync();
        }

        var report = await sampler.StopAsync();

        var points = report.Series["db.connections"];
        Assert.That(points.Select(p => p.Value), Is.EqualTo(new[] { 0.0, 10, 20, 30 }));
        Assert.That(points.Select(p => p.Offset.TotalSeconds), Is.EqualTo(new[] { 0.0, 1, 2, 3 }));
        Assert.That(report.Errors, Is.Empty);
    }

    [Test]
    public async Task Start_SourceThrows_RecordsOneErrorSkipsItAndKeepsSamplingTheOthers()
    {
        var time = new FakeTimeProvider();
        using var broken = new FakeResourceSource("redis", _ => throw new InvalidOperationException("connection refused"));
        using var healthy = new FakeResourceSource("app", _ => new Dictionary<string, double> { ["pool_usage"] = 0.5 });
        await using var sampler = ResourceSampler.Start([broken, healthy], TimeSpan.FromSeconds(1), time);
        await healthy.WaitForSampleAsync();
        time.Advance(TimeSpan.FromSeconds(1));
        await healthy.WaitForSampleAsync();

        var report = await sampler.StopAsync();

        Assert.That(broken.Calls, Is.EqualTo(1));
        Assert.That(report.Errors, Has.Count.EqualTo(1));
        Assert.That(report.Errors[0].Source, Is.EqualTo("redis"));
        Assert.That(report.Errors[0].Message, Does.Contain("connection refused"));
        Assert.That(report.Series["app.pool_usage"], Has.Count.EqualTo(2));
        Assert.That(report.ToString(), Does.Contain("source 'redis' failed"));
    }

    [Test]
    public async Task Start_SourceReportsNaN_RecordsNoPointForIt()
    {
        var time = new FakeTimeProvider();
        using var source = new FakeResourceSource("cache", call => new Dictionary<string, double> { ["hit_ratio"] = call == 0 ? double.NaN : 0.9 });
        await using var sampler = ResourceSampler.Start([source], TimeSpan.FromSeconds(1), time);
        await source.WaitForSampleAsync();
        time.Advance(TimeSpan.FromSeconds(1));
        await source.WaitForSampleAsync();

        var report = await sampler.StopAsync();

        Assert.That(report.Series["cache.hit_ratio"].Select(p => p.Value), Is.EqualTo(OnlyTheKnownRatio));
    }

    [Test]
    public void Start_TwoSourcesWithOneName_Throws()
    {
        using var a = new FakeResourceSource("pg", _ => new Dictionary<string, double>());
        using var b = new FakeResourceSource("pg", _ => new Dictionary<string, double>());

        Assert.That(() => ResourceSampler.Start([a, b]), Throws.ArgumentException.With.Message.Contains("'pg'"));
    }

    [Test]
    public async Task StopAsync_CalledTwice_ReturnsTheSameReport()
    {
        using var source = new FakeResourceSource("db", _ => new Dictionary<string, double> { ["x"] = 1 });
        var sampler = ResourceSampler.Start([source], TimeSpan.FromSeconds(1), new FakeTimeProvider());
        await source.WaitForSampleAsync();

        var first = await sampler.StopAsync();
        var second = await sampler.StopAsync();
        await sampler.DisposeAsync();

        Assert.That(second, Is.SameAs(first));
    }
}
