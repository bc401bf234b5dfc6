using System.Xml.Linq;
using PerfTests.Exporters;
using PerfTests.Exporters.Charts;
using PerfTests.Load.Results;

using Harness.Tests.Reporting;

namespace Harness.Tests.Exporters;

[TestFixture]
internal sealed class ChartExporterTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly string[] LatencySeries = ["p50", "p95", "p99"];
    private static readonly string[] LatencyLimits = ["p95 fail limit <= 40 ms", "p99 fail limit <= 100 ms"];
    private static readonly string[] MarkLabels = ["downstream 500s", "failover"];
    private static readonly string[] TicksUpTo999 = ["p50", "p90", "p99", "p99.9"];
    private static readonly string[] DistributionSeries = ["from intended start (corrected)", "from actual start (uncorrected)"];

    private static readonly string[] DistributionLimits = ["p(95) fail <= 40 ms", "p(99) fail <= 100 ms"];

    private static IEnumerable<TestCaseData> AllCharts()
    {
        yield return new TestCaseData((Func<ScenarioResult, ChartSpec>)(s => TimelineCharts.Latency(s, null, PerfSamples.Marks))).SetArgDisplayNames("latency");
        yield return new TestCaseData((Func<ScenarioResult, ChartSpec>)(s => TimelineCharts.Throughput(s, PerfSamples.Marks))).SetArgDisplayNames("throughput");
        yield return new TestCaseData((Func<ScenarioResult, ChartSpec>)(s => TimelineCharts.Errors(s, null, PerfSamples.Marks))).SetArgDisplayNames("errors");
        yield return new TestCaseData((Func<ScenarioResult, ChartSpec>)(s => DistributionChart.Build(s))).SetArgDisplayNames("distribution");
    }

    [Test]
    public void LatencyChart_SampleRunWithBudgetAndMarks_MatchesExpectedFile()
    {
        var run = PerfSamples.Run(PerfSamples.Checkout());

        var svg = SvgChartRenderer.Render(TimelineCharts.Latency(run.Scenarios[0], PerfSamples.Report(run), PerfSamples.Marks));

        ReportingFixture.AssertMatchesExpected(svg, "latency-chart.expected.svg");
    }

    [Test]
    public void LatencyChart_SampleRun_ParsesAndHasSeriesLimitAndMarks()
    {
        var run = PerfSamples.Run(PerfSamples.Checkout());

        var svg = Parse(SvgChartRenderer.Render(TimelineCharts.Latency(run.Scenarios[0], PerfSamples.Report(run), PerfSamples.Marks)));

        Assert.Multiple(() =>
        {
            Assert.That(DataOf(svg, "series"), Is.EqualTo(LatencySeries));
            Assert.That(DataOf(svg, "reference"), Is.EqualTo(LatencyLimits));
            Assert.That(svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "mark").Select(g => (string?)g.Attribute("data-mark")),
                Is.EqualTo(MarkLabels));
            Assert.That(svg.Descendants(Svg + "text").Select(t => t.Value), Does.Contain("latency (ms)").And.Contain("time since start of measurement (s)"));
            Assert.That(svg.Descendants().Any(e => e.Name.LocalName == "script"), Is.False);
        });
    }

    [TestCase(false, "transient: steady from 5 s (MSER-5)")]
    [TestCase(true, "never steady (MSER-5, 60 s judged)")]
    public void LatencyChart_TransientOrDrift_MarksWhereMserCut(bool drift, string label)
    {
        // 4 s at 2.5 s, then 56 s at 27-33 ms; or a steady climb (MSER-5 needs about a minute to call a series never steady).
        var timeline = Enumerable.Range(1, 60).Select(second => new TimelinePoint(second, 100, 0, 0, 0, 10_000,
            drift ? second * 10_000.0 : second <= 4 ? 2_500_000 : Noise(30_000, 1 + second - 5), 60_000)).ToList();
        var scenario = PerfSamples.Checkout() with { Timeline = timeline };

        var mark = ScenarioChartsExporter.SteadyMark(scenario);
        var svg = SvgChartRenderer.Render(TimelineCharts.Latency(scenario, null, [mark!]));

        Assert.That(mark?.Label, Is.EqualTo(label));
        Assert.That(svg, Does.Contain(label));
    }

    [Test]
    public void LatencyChart_SteadyFromTheStart_NoMark()
    {
        var timeline = Enumerable.Range(1, 60).Select(second => new TimelinePoint(second, 100, 0, 0, 0, 10_000, Noise(20_000, 7 + second - 1), 60_000)).ToList();

        Assert.That(ScenarioChartsExporter.SteadyMark(PerfSamples.Checkout() with { Timeline = timeline }), Is.Null);
    }

    [Test]
    public void LatencyChart_SecondWithoutSamples_BreaksTheLineInsteadOfDrawingZero()
    {
        var svg = Parse(SvgChartRenderer.Render(TimelineCharts.Latency(PerfSamples.Checkout(), null, [])));

        var p50 = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-series") == "p50");

        // Seconds 1-14 and 16-20: two polylines, neither touching the x axis at second 15.
        Assert.That(p50.Elements(Svg + "polyline").Count(), Is.EqualTo(2));
    }

    [TestCaseSource(nameof(AllCharts))]
    public void Chart_SampleRun_IsWellFormedSvgWithTitleAndLines(Func<ScenarioResult, ChartSpec> build)
    {
        var svg = Parse(SvgChartRenderer.Render(build(PerfSamples.Checkout())));

        Assert.Multiple(() =>
        {
            Assert.That(svg.Name, Is.EqualTo(Svg + "svg"));
            Assert.That(svg.Element(Svg + "title")?.Value, Does.StartWith("checkout: "));
            Assert.That(svg.Descendants(Svg + "polyline"), Is.Not.Empty);
            Assert.That(svg.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "no-data"), Is.Empty);
        });
    }

    [TestCaseSource(nameof(AllCharts))]
    public void Chart_NoSamples_SaysNotEnoughDataAndDrawsNoLine(Func<ScenarioResult, ChartSpec> build)
    {
        var svg = Parse(SvgChartRenderer.Render(build(PerfSamples.Empty())));

        Assert.Multiple(() =>
        {
            Assert.That(svg.Descendants(Svg + "text").Single(t => (string?)t.Attribute("class") == "no-data").Value, Does.StartWith("not enough data"));
            Assert.That(svg.Descendants(Svg + "polyline"), Is.Empty);
            Assert.That(svg.Descendants(Svg + "circle"), Is.Empty);
        });
    }

    [Test]
    public void LatencyChart_TenRequestsPerSecond_HidesPerSecondP95AndP99AndSaysWhy()
    {
        var timeline = Enumerable.Range(1, 5).Select(s => new TimelinePoint(s, 10, 0, 0, 0, 2_000, 9_000, 9_500)).ToList();

        var spec = TimelineCharts.Latency(PerfSamples.Checkout() with { Timeline = timeline }, null, []);

        Assert.Multiple(() =>
        {
            Assert.That(spec.Series[0].Points.All(p => p.Y.HasValue), Is.True, "p50 needs only 2 samples");
            Assert.That(spec.Series[1].Name, Is.EqualTo("p95 (shown in seconds with >= 20 samples)"));
            Assert.That(spec.Series[2].Name, Is.EqualTo("p99 (shown in seconds with >= 100 samples)"));
            Assert.That(spec.Series.Skip(1).SelectMany(s => s.Points).All(p => p.Y is null), Is.True);
        });
    }

    [Test]
    public void LatencyChart_TimelineWithoutAnyPercentile_SaysNotEnoughData()
    {
        var scenario = PerfSamples.Checkout() with { Timeline = [new TimelinePoint(1, 0, 0, 5, 0, null, null, null)] };

        var svg = SvgChartRenderer.Render(TimelineCharts.Latency(scenario, null, []));

        Assert.That(svg, Does.Contain("not enough data (no samples)"));
    }

    [Test]
    public void DistributionChart_FewerThan10000Samples_StopsBeforeP9999()
    {
        var scenario = PerfSamples.Checkout();

        var spec = DistributionChart.Build(scenario);

        Assert.Multiple(() =>
        {
            Assert.That(spec.XTicks!.Select(t => t.Label), Is.EqualTo(TicksUpTo999));
            Assert.That(spec.Series.Select(s => s.Name), Is.EqualTo(DistributionSeries));
            Assert.That(spec.Series[0].Points.Max(p => p.X), Is.EqualTo(Math.Log10(scenario.Latency.Count)).Within(1e-9));
            Assert.That(spec.Series[0].Points[^1].Y, Is.GreaterThan(150), "the 150 ms tail shows at the far end");
        });
    }

    [Test]
    public void DistributionChart_WithBudget_PercentileFailLimitsDrawnAtTheirPercentile()
    {
        var run = PerfSamples.Run(PerfSamples.Checkout());

        var svg = Parse(SvgChartRenderer.Render(DistributionChart.Build(run.Scenarios[0], PerfSamples.Report(run))));

        Assert.That(DataOf(svg, "marker"), Is.EqualTo(DistributionLimits));
    }

    [Test]
    public void DistributionChart_FiveSamples_SaysNotEnoughData()
    {
        var scenario = PerfSamples.Checkout() with { Latency = PerfSamples.Latencies(5, 1_000, 0) };

        var svg = SvgChartRenderer.Render(DistributionChart.Build(scenario));

        Assert.That(svg, Does.Contain("not enough data (5 samples, needs &gt;= 10)"));
    }

    [Test]
    public void ErrorsChart_SecondWithoutRequests_HasNoErrorPercentPoint()
    {
        var spec = TimelineCharts.Errors(PerfSamples.Checkout(), null, []);

        var errorPct = spec.Series.Single(s => s.Name == "error %");

        Assert.That(errorPct.Points.Single(p => p.X == 14.5).Y, Is.Null);
    }

    /// <summary>About <paramref name="levelUs"/> with seeded noise of +-10% (the series of MserTests).</summary>
    private static double Noise(double levelUs, int seed) => levelUs * (1 + ((new Random(seed).NextDouble() - 0.5) * 0.2));

    private static XElement Parse(string svg) => XDocument.Parse(svg).Root!;

    private static string?[] DataOf(XElement svg, string cssClass) =>
        [.. svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == cssClass).Select(g => (string?)g.Attribute("data-series"))];
}
