using PerfTests.Load.Results;
using PerfTests.Reporting.Context;
using PerfTests.Exporters;

using Harness.Tests.Reporting;

namespace Harness.Tests.Exporters;

[TestFixture]
internal sealed class PerfReportWriterTests
{
    private static readonly string[] AllAttachments =
    [
        "budget table", "budget table (csv)",
        "checkout: latency per second", "checkout: throughput per second", "checkout: errors per second",
        "checkout: latency distribution", "checkout: timeline (csv)", "checkout: histogram log",
    ];

    private static readonly string[] AllTypes =
    [
        "text/html html", "text/csv csv", "image/svg+xml svg", "image/svg+xml svg", "image/svg+xml svg", "image/svg+xml svg", "text/csv csv", "text/plain hlog",
    ];

    private static readonly string[] SampleMetrics =
    [
        "checkout p95|6.843|ms|LowerIsBetter",
        "checkout p99|153.471|ms|LowerIsBetter",
        "checkout rps|182.85|req/s|HigherIsBetter",
        "checkout error rate|4.266|%|LowerIsBetter",
    ];

    private static readonly string[] IdleMetrics =
    ["idle rps"];

    private string _dir = null!;
    private LoadRunResult _run = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "perftests-summary-" + Guid.NewGuid().ToString("N"));
        _run = PerfSamples.Run(PerfSamples.Checkout());
    }

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Test]
    public void Write_AllExportersWork_AttachesEverythingWithTheRightTypes()
    {
        var sink = new RecordingSink();
        var summary = Path.Combine(_dir, "nested", "summary.md");

        var problems = new PerfReportWriter(sink, summary, _ => { }).Write(_run, PerfSamples.Report(_run), PerfSamples.Marks, "Demo.Test");

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(sink.Attachments.Select(a => a.Name), Is.EqualTo(AllAttachments));
            Assert.That(sink.Attachments.Select(a => $"{a.MimeType} {a.Extension}"), Is.EqualTo(AllTypes));
            Assert.That(File.ReadAllText(summary), Does.StartWith("### Demo.Test: FAIL (2 failed, 1 warned)"));
        });
    }

    [Test]
    public void Write_OneExporterThrows_OthersStillRunAndTheProblemIsListed()
    {
        var sink = new RecordingSink(throwFor: name => name.EndsWith("latency per second", StringComparison.Ordinal));
        var logs = new List<string>();
        var summary = Path.Combine(_dir, "summary.md");

        var problems = new PerfReportWriter(sink, summary, logs.Add).Write(_run, PerfSamples.Report(_run), [], "t");

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
    public void Write_SummaryUnwritable_AttachmentsStillWrittenAndProblemListed()
    {
        var blocker = Path.GetTempFileName();
        try
        {
            var sink = new RecordingSink();

            // A file where the summary's folder should be: unwritable even for root.
            var problems = new PerfReportWriter(sink, Path.Combine(blocker, "summary.md"), _ => { }).Write(_run, null, [], "t");

            Assert.Multiple(() =>
            {
                Assert.That(problems, Has.One.StartsWith("markdown summary:"));
                Assert.That(sink.Attachments, Has.Count.EqualTo(6), "no budget: charts, csv and log only");
            });
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Test]
    public void Write_NoRecordedTest_SkipsAllurePartsButWritesSummary()
    {
        var sink = new RecordingSink { IsActive = false };
        var summary = Path.Combine(_dir, "summary.md");

        var problems = new PerfReportWriter(sink, summary, _ => { }).Write(_run, null, [], "outside");

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(sink.Attachments, Is.Empty);
            Assert.That(sink.Metrics, Is.Empty);
            Assert.That(File.ReadAllText(summary), Does.StartWith("### outside\n"));
        });
    }

    [Test]
    public void PerfMetrics_SampleScenario_StableKeysUnitsAndDirections()
    {
        var sink = new RecordingSink();

        PerfMetrics.Record(new ExportContext(sink, _ => { }), PerfSamples.Checkout());

        Assert.That(sink.Metrics.Select(m => $"{m.Key}|{m.Value}|{m.Unit}|{m.Direction}"), Is.EqualTo(SampleMetrics));
    }

    [Test]
    public void PerfMetrics_FiftySamples_RecordsP95ButNotP99()
    {
        var sink = new RecordingSink();
        var scenario = PerfSamples.Checkout() with { Latency = PerfSamples.Latencies(50, 1_000, 0) };

        PerfMetrics.Record(new ExportContext(sink, _ => { }), scenario);

        Assert.That(sink.Metrics.Select(m => m.Key), Does.Contain("checkout p95").And.Not.Contain("checkout p99"));
    }

    [Test]
    public void PerfMetrics_NoRequests_RecordsNoErrorRateOrLatency()
    {
        var sink = new RecordingSink();

        PerfMetrics.Record(new ExportContext(sink, _ => { }), PerfSamples.Empty());

        Assert.That(sink.Metrics.Select(m => m.Key), Is.EqualTo(IdleMetrics));
    }

    [Test]
    public void PerfReport_InsideRecordedTest_AttachmentsAndMetricsLandInTheAllureResult()
    {
        using var fx = new ReportingFixture();
        AllureContext.Lifecycle = fx.Lifecycle;
        try
        {
            fx.Lifecycle.StartTest("t", "C", new PerfTests.Reporting.Model.TestResult { Uuid = Guid.NewGuid().ToString(), FullName = "Demo.C.T", Name = "T" });

            var problems = PerfReport.Attach(_run, PerfSamples.Report(_run), PerfSamples.Marks, title: "Demo.C.T");
            fx.Lifecycle.StopTest("t", PerfTests.Reporting.Model.AllureStatus.Passed, null);

            Assert.Multiple(() =>
            {
                Assert.That(problems, Is.Empty);
                Assert.That(fx.Files("*-attachment.svg"), Has.Length.EqualTo(4));
                Assert.That(fx.Files("*-attachment.hlog"), Has.Length.EqualTo(1));
                Assert.That(fx.ReadSingle("*-result.json"), Does.Contain("\"type\": \"text/html\"").Or.Contain("\"type\":\"text/html\""));
                Assert.That(fx.ReadSingle("*-perf.json"), Does.Contain("checkout p95"));
            });
        }
        finally
        {
            AllureContext.Lifecycle = null;
        }
    }
}
