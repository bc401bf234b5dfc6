using PerfTests.Load.Results;
using PerfTests.Load.SteadyState;
using PerfTests.Exporters.Summary;
using PerfTests.Exporters.Tables;

using Harness.Tests.Reporting;

namespace Harness.Tests.Exporters;

[TestFixture]
internal sealed class TableExporterTests
{
    private static readonly string[] ExpectedTags = ["checkout.latency", "checkout.uncorrected", "checkout.step.pay"];

    private LoadRunResult _run = null!;

    [SetUp]
    public void SetUp() => _run = PerfSamples.Run(PerfSamples.Checkout(), PerfSamples.Empty());

    [Test]
    public void BudgetTableHtml_SampleReport_MatchesExpectedFile()
    {
        var html = BudgetTableHtml.Render(PerfSamples.Report(_run));

        Assert.That(html, Does.Not.Contain("<script").IgnoreCase, "Allure's sandboxed iframe runs no scripts");
        ReportingFixture.AssertMatchesExpected(html, "budget-table.expected.html");
    }

    [Test]
    public void BudgetTableHtml_FailedMetric_RowCarriesFailClass()
    {
        var html = BudgetTableHtml.Render(PerfSamples.Report(_run));

        Assert.That(html, Does.Contain("<tr class=\"fail\"><td>checkout</td><td>p(99)</td>"));
    }

    [Test]
    public void BudgetTableCsv_SampleReport_MatchesExpectedFile() =>
        ReportingFixture.AssertMatchesExpected(BudgetTableCsv.Render(PerfSamples.Report(_run)), "budget-table.expected.csv");

    [Test]
    public void MarkdownSummary_SampleRun_MatchesExpectedFile() =>
        ReportingFixture.AssertMatchesExpected(
            MarkdownSummary.Render("Demo.CheckoutTests.Checkout_Nightly_HoldsBudget", _run, PerfSamples.Report(_run)),
            "summary.expected.md");

    [Test]
    public void MarkdownSummary_NoSamples_SaysNotAvailableInsteadOfZero()
    {
        var md = MarkdownSummary.Render("t", PerfSamples.Run(PerfSamples.Empty()), report: null);

        Assert.That(md, Does.Contain("| idle | 0 | 0 | n/a (n=0) | n/a (n=0) | n/a (n=0) | n/a | 0 (n/a) | 0 | 0 |"));
    }

    [TestCase(true, "auto warm-up of 35 s, ended when steady")]
    [TestCase(false, "auto warm-up of 60 s, not steady by its cap")]
    public void MarkdownSummary_AutoWarmUp_SaysHowItEnded(bool steady, string expected)
    {
        var scenario = PerfSamples.Checkout() with
        {
            WarmUp = TimeSpan.FromSeconds(steady ? 35 : 60),
            WarmUpSteadiness = new SteadyStateResult(steady, 5, steady ? 35 : 59),
        };

        var md = MarkdownSummary.Render("t", PerfSamples.Run(scenario), report: null);

        Assert.That(md, Does.Contain("- `checkout` per-second p95: ").And.Contain(expected));
    }

    [Test]
    public void TimelineCsv_SecondWithoutSamples_LeavesLatencyCellsEmpty()
    {
        var lines = TimelineCsv.Render(PerfSamples.Checkout()).Split('\n');

        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("second,requests,failures,dropped,bytes,error_pct,p50_ms,p95_ms,p99_ms"));
            Assert.That(lines[1], Is.EqualTo("1,201,0,0,200000,0,2.51,6,7.2"));
            Assert.That(lines[11], Is.EqualTo("11,160,38,3,160000,23.75,10.1,31,150"));
            Assert.That(lines[15], Is.EqualTo("15,0,0,12,0,,,,"));
        });
    }

    [Test]
    public void Csv_FieldWithCommaAndQuote_IsQuoted()
    {
        var csv = Csv.Lines([["a,b", "say \"hi\"", "plain"]]);

        Assert.That(csv, Is.EqualTo("\"a,b\",\"say \"\"hi\"\"\",plain\n"));
    }

    [Test]
    public void HistogramLogText_Scenario_ReadsBackWithTheSameCounts()
    {
        var scenario = PerfSamples.Checkout();

        var text = HistogramLogText.Render(PerfSamples.Start, scenario);
        var histograms = PerfTests.Load.Histograms.HistogramLog.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)));

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("checkout.latency"));
            Assert.That(histograms.Select(h => h.Tag), Is.EqualTo(ExpectedTags));
            Assert.That(histograms[0].TotalCount, Is.EqualTo(scenario.Latency.Count));
        });
    }
}
