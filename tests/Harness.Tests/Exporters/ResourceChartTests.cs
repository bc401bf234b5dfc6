using PerfTests;
using PerfTests.Resources;
using System.Globalization;
using System.Xml.Linq;
using PerfTests.Exporters;
using PerfTests.Exporters.Charts;

namespace Harness.Tests.Exporters;

[TestFixture]
internal sealed class ResourceChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly string[] GroupTitles =
        ["resources: CPU", "resources: memory", "resources: pool usage and cache hit ratio", "resources: PostgreSQL connections", "resources: other counts"];

    private static readonly int[] SecondsWithTraffic = [1, 2, 3, 7, 8, 9];
    private static readonly string[] PgFailedMark = ["pg failed"];
    private static readonly string[] MemorySeries = ["redis.used_memory_mb", "test_process.gc_heap_mb", "test_process.working_set_mb"];

    [TestCase("test_process.cpu", "CPU")]
    [TestCase("sut_process.cpu", "CPU")]
    [TestCase("redis.used_memory_mb", "memory")]
    [TestCase("app.gc_heap_mb", "memory")]
    [TestCase("app.pool_usage", "pool usage and cache hit ratio")]
    [TestCase("pg.cache_hit_ratio", "pool usage and cache hit ratio")]
    [TestCase("redis.hit_ratio", "pool usage and cache hit ratio")]
    [TestCase("pg.connections_active", "PostgreSQL connections")]
    [TestCase("pg.xact_per_s", "rates")]
    [TestCase("test_process.gc_pause_ms", "durations")]
    [TestCase("pg.statement_mean_ms_max", "durations")]
    [TestCase("pg.statements_over_100ms", "other counts")]
    [TestCase("test_process.threadpool_queue", "thread pool")]
    [TestCase("app.pool_in_use", "other counts")]
    public void GroupFor_SamplerMetricName_PicksTheDocumentedChart(string name, string title) =>
        Assert.That(ResourceChartGroups.For(name).Title, Is.EqualTo(title));

    [Test]
    public void Build_SampledRun_OneChartPerGroupInDocumentedOrder()
    {
        var specs = ResourceTimelineCharts.Build(Sample(), Second, []);

        Assert.That(specs.Select(s => s.Title), Is.EqualTo(GroupTitles));
    }

    [Test]
    public void Build_Ratios_AreScaledToPercentAndMemoryIsNot()
    {
        var specs = ResourceTimelineCharts.Build(Sample(), Second, []);

        var pool = specs.Single(s => s.Title.EndsWith("hit ratio", StringComparison.Ordinal)).Series.Single(s => s.Name == "app.pool_usage");
        var memory = specs.Single(s => s.Title == "resources: memory").Series.Single(s => s.Name == "redis.used_memory_mb");
        Assert.Multiple(() =>
        {
            Assert.That(pool.Points[0].Y, Is.EqualTo(25).Within(1e-9));
            Assert.That(memory.Points[0].Y, Is.EqualTo(12));
        });
    }

    [Test]
    public void Build_AllCharts_ShareTheXRangeOfTheLongestSeries()
    {
        var specs = ResourceTimelineCharts.Build(Sample(), Second, []);

        Assert.That(specs.Select(s => s.XMax), Is.All.EqualTo(10));
    }

    [Test]
    public void Render_MemoryChart_IsWellFormedSvgWithEverySeriesAndUnits()
    {
        var spec = ResourceTimelineCharts.Build(Sample(), Second, []).Single(s => s.Title == "resources: memory");

        var svg = XDocument.Parse(SvgChartRenderer.Render(spec)).Root!;

        Assert.Multiple(() =>
        {
            Assert.That(svg.Element(Svg + "title")?.Value, Is.EqualTo("resources: memory"));
            Assert.That(SeriesNames(svg), Is.EqualTo(MemorySeries));
            Assert.That(svg.Descendants(Svg + "text").Select(t => t.Value), Does.Contain("memory (MB)").And.Contain("time since sampling began (s)"));
            Assert.That(svg.Descendants().Any(e => e.Name.LocalName == "script"), Is.False);
        });
    }

    [Test]
    public void Render_RatioWithoutSamplesForThreeIntervals_BreaksTheLine()
    {
        // Seconds 4-6 had no traffic, so no hit ratio: two runs of points, not a line across the hole.
        var ratio = new NamedSeries("redis.hit_ratio", [.. SecondsWithTraffic.Select(s => (TimeSpan.FromSeconds(s), 0.9))]);

        var spec = ResourceTimelineCharts.Build([ratio], Second, [])[0];
        var svg = XDocument.Parse(SvgChartRenderer.Render(spec)).Root!;

        Assert.Multiple(() =>
        {
            Assert.That(spec.Series[0].Points.Count(p => p.Y is null), Is.EqualTo(1));
            Assert.That(svg.Descendants(Svg + "polyline").Count(), Is.EqualTo(2));
        });
    }

    [Test]
    public void Render_SourceFailedMidRun_LineStopsAndFailureIsShaded()
    {
        var pg = new NamedSeries("pg.connections", [.. Enumerable.Range(1, 4).Select(s => (TimeSpan.FromSeconds(s), 5.0))]);
        var marks = new[] { new TimelineMark(TimeSpan.FromSeconds(4.5), null, "pg failed") };

        var specs = ResourceTimelineCharts.Build([pg, Line("test_process.cpu", 10, 0.5)], Second, marks);
        var svg = XDocument.Parse(SvgChartRenderer.Render(specs.Single(s => s.Title == "resources: PostgreSQL connections"))).Root!;

        Assert.Multiple(() =>
        {
            Assert.That(specs.Single(s => s.Title == "resources: PostgreSQL connections").XMax, Is.EqualTo(10), "the x axis runs to the end of sampling");
            Assert.That(svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "mark").Select(g => (string?)g.Attribute("data-mark")),
                Is.EqualTo(PgFailedMark));
        });
    }

    [Test]
    public void Render_PercentChart_AxisEndsAt100NotAtTheNextNiceStep()
    {
        var spec = ResourceTimelineCharts.Build([Line("app.pool_usage", 10, 0.75)], Second, [])[0];

        var ticks = XDocument.Parse(SvgChartRenderer.Render(spec)).Root!.Descendants(Svg + "g")
            .Single(g => (string?)g.Attribute("class") == "ticks").Elements(Svg + "text")
            .Where(t => (string?)t.Attribute("text-anchor") == "end").Select(t => double.Parse(t.Value, CultureInfo.InvariantCulture));

        Assert.That(ticks.Max(), Is.EqualTo(100));
    }

    [Test]
    public void Render_TwelveMetricsInOneChart_PictureGrowsSoTheLegendStaysInside()
    {
        var many = Enumerable.Range(1, 12).Select(i => Line($"source{i}.working_set_mb", 5, i)).ToList();

        var svg = XDocument.Parse(SvgChartRenderer.Render(ResourceTimelineCharts.Build(many, Second, [])[0])).Root!;
        var height = double.Parse((string)svg.Attribute("height")!, CultureInfo.InvariantCulture);
        var legendYs = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend").Elements(Svg + "text")
            .Select(t => double.Parse((string)t.Attribute("y")!, CultureInfo.InvariantCulture)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(legendYs, Has.Count.EqualTo(12));
            Assert.That(height, Is.GreaterThan(SvgChartRenderer.Height));
            Assert.That(legendYs.Max(), Is.LessThan(height - 4));
        });
    }

    [Test]
    public void Render_NothingSampled_OneChartSaysNotEnoughData()
    {
        var specs = ResourceTimelineCharts.Build([], Second, []);

        var svg = SvgChartRenderer.Render(specs.Single());

        Assert.Multiple(() =>
        {
            Assert.That(svg, Does.Contain("not enough data (no resource was sampled)"));
            Assert.That(svg, Does.Not.Contain("<polyline"));
        });
    }

    [Test]
    public void Render_SeriesWithoutPoints_SaysNotEnoughData()
    {
        var specs = ResourceTimelineCharts.Build([new NamedSeries("app.pool_usage", [])], Second, []);

        Assert.That(SvgChartRenderer.Render(specs.Single()), Does.Contain("not enough data (no samples)"));
    }

    [Test]
    public void ResourcesExporter_OneChartFails_OthersAreStillAttached()
    {
        var sink = new RecordingSink(name => name == "resources: memory");
        var context = new ExportContext(sink, _ => { });
        var series = Sample().ToDictionary(s => s.Name, s => (IReadOnlyList<ResourcePoint>)[.. s.Points.Select(p => new ResourcePoint(p.At, p.Value))]);
        var result = new PerfResult("res", new TestIdentity("C", "T", "C.T", Path.GetTempPath()), new PerfSettings())
        {
            Resources = new ResourceReport(DateTimeOffset.UnixEpoch, Second, series, []),
        };

        new ResourcesExporter().Export(result, context);

        var charts = sink.Attachments.Where(a => a.MimeType == "image/svg+xml").Select(a => a.Name);
        Assert.Multiple(() =>
        {
            Assert.That(context.Problems, Has.Count.EqualTo(1).And.Some.StartsWith("resources: memory chart"));
            Assert.That(charts, Is.EqualTo(GroupTitles.Where(t => t != "resources: memory")));
            Assert.That(sink.Attachments.Select(a => a.Name).Take(2), Is.EqualTo(TableNames), "the table and the timeline come first");
        });
    }

    private static readonly string[] TableNames = ["resources", "resource timeline"];

    internal static IReadOnlyList<NamedSeries> Sample() =>
    [
        Line("test_process.cpu", 10, 0.35),
        Line("test_process.working_set_mb", 10, 180),
        Line("test_process.gc_heap_mb", 10, 60),
        Line("redis.used_memory_mb", 8, 12),
        Line("app.pool_usage", 10, 0.25),
        Line("app.cache_hit_ratio", 10, 0.7),
        Line("pg.connections", 10, 12),
        Line("pg.connections_active", 10, 3),
        Line("app.pool_in_use", 10, 4),
    ];

    // A gently rising line from 1 s to `seconds` s, so a picture shows slopes rather than flat lines.
    private static NamedSeries Line(string name, int seconds, double start) =>
        new(name, [.. Enumerable.Range(1, seconds).Select(s => (TimeSpan.FromSeconds(s), start * (1 + ((s - 1) * 0.03))))]);

    private static string?[] SeriesNames(XElement svg) =>
        [.. svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "series").Select(g => (string?)g.Attribute("data-series"))];
}
