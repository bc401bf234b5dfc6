using Harness.Tests.Reporting;
using PerfTests;
using PerfTests.Exporters;
using PerfTests.Exporters.Overview;
using PerfTests.Gates;
using PerfTests.Load.Results;
using PerfTests.Reporting.Context;

namespace Harness.Tests.Exporters;

/// <summary>The default exporters on a hand-built judged run: what each writes, in which order, and that none hides another.</summary>
[TestFixture]
internal sealed class DefaultExportersTests
{
    private static readonly string[] AllAttachments =
    [
        "overview", "budget table", "budget table (csv)",
        "checkout: latency per second", "checkout: throughput per second", "checkout: errors per second", "checkout: latency distribution",
        "run summary", "checkout: timeline (csv)", "checkout: histogram log",
    ];

    private static readonly string[] AllTypes =
    [
        "image/svg+xml svg", "text/html html", "text/csv csv", "image/svg+xml svg", "image/svg+xml svg", "image/svg+xml svg", "image/svg+xml svg",
        "text/plain txt", "text/csv csv", "text/plain hlog",
    ];

    private static readonly string[] SampleMetrics =
    [
        "checkout p95|6.843|ms|LowerIsBetter",
        "checkout p99|153.471|ms|LowerIsBetter",
        "checkout rps|182.85|req/s|HigherIsBetter",
        "checkout error rate|4.266|%|LowerIsBetter",
    ];

    private static readonly string[] IdleMetrics = ["idle rps"];

    private static readonly string[] OverviewOnly = ["overview"];

    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("perftests-exporters-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    /// <summary>A judged run of "checkout" (budget: 2 failed, 1 warned) with two marked windows.</summary>
    private PerfResult Judged(string? summaryFile = null)
    {
        var run = PerfSamples.Run(PerfSamples.Checkout());
        var report = PerfSamples.Report(run);
        return new PerfResult("checkout", new TestIdentity("Demo", "Test", "Demo.Test", _dir), new PerfSettings { SummaryFile = summaryFile, SummaryFolder = _dir })
        {
            Runs = [run],
            Marks = PerfSamples.Marks,
            Gates = [new GateResult(BudgetGate.GateName, GateVerdict.Failed, "2 failed") { Detail = report }],
        };
    }

    private static IReadOnlyList<string> Export(PerfResult result, IPerfSink sink, List<string>? logs = null)
    {
        var context = new ExportContext(sink, m => logs?.Add(m));
        new CompositeExporter(DefaultExporters.All).Export(result, context);
        return context.Problems;
    }

    [Test]
    public void DefaultExporters_AllWork_OverviewFirstThenTheDetailsWithTheRightTypes()
    {
        var sink = new RecordingSink();
        var summary = Path.Combine(_dir, "nested", "summary.md");

        var problems = Export(Judged(summary), sink);

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(sink.First, Is.EqualTo(OverviewOnly), "the overview goes before everything else");
            Assert.That(sink.Attachments.Select(a => a.Name), Is.EqualTo(AllAttachments));
            Assert.That(sink.Attachments.Select(a => $"{a.MimeType} {a.Extension}"), Is.EqualTo(AllTypes));
            Assert.That(File.ReadAllText(summary), Does.StartWith("### Demo.Test: FAIL (2 failed, 1 warned)"));
        });
    }

    [Test]
    public void DefaultExporters_OneChartThrows_TheOthersStillRunAndTheProblemIsListed()
    {
        var sink = new RecordingSink(throwFor: name => name.EndsWith("latency per second", StringComparison.Ordinal));
        var logs = new List<string>();
        var summary = Path.Combine(_dir, "summary.md");

        var problems = Export(Judged(summary), sink, logs);

        Assert.Multiple(() =>
        {
            Assert.That(problems, Has.Count.EqualTo(1));
            Assert.That(problems[0], Does.StartWith("checkout latency chart: InvalidOperationException"));
            Assert.That(logs, Has.One.Contains("sink refused"));
            Assert.That(sink.Attachments.Select(a => a.Name), Is.EqualTo(AllAttachments.Where(n => n != "checkout: latency per second")));
            Assert.That(sink.Metrics, Is.Not.Empty);
            Assert.That(File.Exists(summary), Is.True);
        });
    }

    [Test]
    public void DefaultExporters_SummaryUnwritable_AttachmentsStillWrittenAndTheProblemListed()
    {
        var blocker = Path.Combine(_dir, "blocker");
        File.WriteAllText(blocker, "");
        var sink = new RecordingSink();

        // A file where the summary's folder should be: unwritable even for root.
        var problems = Export(Judged(Path.Combine(blocker, "summary.md")), sink);

        Assert.Multiple(() =>
        {
            Assert.That(problems, Has.One.StartsWith("markdown summary:"));
            Assert.That(sink.Attachments, Has.Count.EqualTo(AllAttachments.Length));
        });
    }

    [Test]
    public void DefaultExporters_NoRecordedTest_SkipAllureButWriteTheSummaryAndTheRunSummary()
    {
        var sink = new RecordingSink { IsActive = false };
        var summary = Path.Combine(_dir, "summary.md");
        var result = Judged(summary);
        result.Summary = PerfTests.Analysis.Baselines.RunSummaryFactory.Create(result.Run!, "checkout");

        var problems = Export(result, sink);

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(sink.Attachments, Is.Empty);
            Assert.That(sink.Metrics, Is.Empty);
            Assert.That(File.ReadAllText(summary), Does.StartWith("### Demo.Test: FAIL"));
            Assert.That(File.Exists(Path.Combine(_dir, "Demo.Test.json")), Is.True, "the next run's baseline");
        });
    }

    [Test]
    public void Overview_BreachedRun_VerdictGatesBreachesAndTheChartInOneSvg()
    {
        var svg = OverviewSvg.Render(Judged());
        var document = System.Xml.Linq.XDocument.Parse(svg);
        var texts = document.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(texts, Does.Contain("FAILED: Test"));
            Assert.That(texts, Does.Contain("budget").And.Contain("failed"), "the gates table");
            Assert.That(texts, Does.Contain("Past their limits").And.Contain("p(99)"));
            Assert.That(document.Descendants().Count(e => e.Name.LocalName == "svg"), Is.EqualTo(2), "the page and the latency chart nested in it");
            Assert.That(texts, Does.Contain("checkout: latency per second"));
            Assert.That(svg, Does.Not.Contain("<script"));
        });
    }

    [Test]
    public void Overview_InsideRecordedTest_IsTheFirstItemOfTheTestBody()
    {
        using var fx = new ReportingFixture();
        AllureContext.Lifecycle = fx.Lifecycle;
        try
        {
            fx.Lifecycle.StartTest("t", "C", new PerfTests.Reporting.Model.TestResult { Uuid = Guid.NewGuid().ToString(), FullName = "Demo.C.T", Name = "T" });
            AllureContext.Step("run load", () => { });
            Export(Judged(), AllureSink.Instance);
            fx.Lifecycle.StopTest("t", PerfTests.Reporting.Model.AllureStatus.Failed, null);

            var result = System.Text.Json.JsonDocument.Parse(fx.ReadSingle("*-result.json")).RootElement;
            var first = result.GetProperty("steps")[0];
            Assert.Multiple(() =>
            {
                Assert.That(first.GetProperty("name").GetString(), Is.EqualTo("overview"));
                Assert.That(first.GetProperty("attachments")[0].GetProperty("type").GetString(), Is.EqualTo("image/svg+xml"));
                Assert.That(result.GetProperty("steps")[1].GetProperty("name").GetString(), Is.EqualTo("run load"), "the steps follow the overview");
                Assert.That(fx.Files("*-attachment.svg"), Has.Length.EqualTo(5), "the overview and four charts");
                Assert.That(fx.ReadSingle("*-perf.json"), Does.Contain("checkout p95"));
            });
        }
        finally
        {
            AllureContext.Lifecycle = null;
        }
    }

    [Test]
    public void Metrics_SampleScenario_StableKeysUnitsAndDirections()
    {
        var sink = new RecordingSink();

        PerfMetrics.Record(new ExportContext(sink, _ => { }), PerfSamples.Checkout());

        Assert.That(sink.Metrics.Select(m => $"{m.Key}|{m.Value}|{m.Unit}|{m.Direction}"), Is.EqualTo(SampleMetrics));
    }

    [Test]
    public void Metrics_FiftySamples_RecordsP95ButNotP99()
    {
        var sink = new RecordingSink();
        var scenario = PerfSamples.Checkout() with { Latency = PerfSamples.Latencies(50, 1_000, 0) };

        PerfMetrics.Record(new ExportContext(sink, _ => { }), scenario);

        Assert.That(sink.Metrics.Select(m => m.Key), Does.Contain("checkout p95").And.Not.Contain("checkout p99"));
    }

    [Test]
    public void Metrics_NoRequests_RecordsNoErrorRateOrLatency()
    {
        var sink = new RecordingSink();

        PerfMetrics.Record(new ExportContext(sink, _ => { }), PerfSamples.Empty());

        Assert.That(sink.Metrics.Select(m => m.Key), Is.EqualTo(IdleMetrics));
    }
}
