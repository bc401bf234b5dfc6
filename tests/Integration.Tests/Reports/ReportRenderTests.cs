using Microsoft.Playwright;
using PerfTests.Browser;
using PerfTests.Reporting.Model;

namespace Integration.Tests.Reports;

/// <summary>
/// Issue 7: an Allure report generated from a real suite-style run, rendered by the real Allure 3
/// CLI and opened in headless Chromium, shows the tests, steps, parameters, SVG charts and the
/// "Budget breach" category. Needs node/npm (scripts/setup-allure.sh) and Chromium (scripts/setup-browser.sh).
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class ReportRenderTests
{
    // The demo tests as they appear in the report (they never run as tests of this assembly).
    private const string DemoClass = "Integration.Tests.Reports.DemoSuiteTests";
    private const string Passing = "FastEndpoint_AtLowRate_MeetsBudget";
    private const string Breaching = "SlowEndpoint_AtLowRate_BreachesBudget";
    private const string Chart = "slow-endpoint: latency per second";

    private BrowserSession? _browser;
    private string _work = "";

    [OneTimeSetUp]
    public async Task LaunchBrowserAsync() => _browser = await BrowserLauncher.LaunchAsync();

    [OneTimeTearDown]
    public async Task CloseBrowserAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
    }

    [SetUp]
    public void CreateWorkFolder() => _work = Directory.CreateTempSubdirectory("perf-report-").FullName;

    [TearDown]
    public void DeleteWorkFolder()
    {
        // Kept when the test failed: the results and the report are the evidence.
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Passed)
        {
            Directory.Delete(_work, recursive: true);
        }
        else
        {
            TestContext.Out.WriteLine($"allure-results and report kept in {_work}");
        }
    }

    [Test]
    public async Task AllureReport_RealSuiteRun_ShowsTestsStepsParametersChartAndBudgetBreach()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var results = Path.Combine(_work, "allure-results");
        await RecordDemoSuiteAsync(results, timeout.Token);
        var chartSource = AllureResultFiles.AttachmentSource(results, Breaching, Chart);

        var index = await AllureCli.RenderSingleFileAsync(
            results, Path.Combine(_work, "report"), Path.Combine(_work, "history.jsonl"), timeout.Token);

        var page = await _browser!.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var report = new AllureReportPage(page);

        await report.OpenAsync(index);
        Assert.That(await report.TreeTestTitlesAsync(), Is.EquivalentTo(new[] { Passing, Breaching }));
        Assert.That(await report.TreeStatusAsync(Passing), Is.EqualTo("passed"));
        Assert.That(await report.TreeStatusAsync(Breaching), Is.EqualTo("failed"));
        await ReportScreenshot.CaptureAsync(page, "overview");

        await report.OpenTestAsync(Breaching);
        Assert.That(await report.FirstBodyItemTitleAsync(), Is.EqualTo("overview"), "the test body opens on the overview");
        foreach (var text in new[] { "run load", "judge against budgets/report-demo-slow.yaml", "rate", "20/s", "endpoint", "/slow", "Category: Budget breach" })
        {
            Assert.That(await report.ShowsTextAsync(text), Is.True, $"test page of {Breaching} shows '{text}'");
        }

        Assert.That(await page.GetByText("Budget 'report-demo-slow' breached").First.IsVisibleAsync(), Is.True, "the failure message is on the test page");
        await ReportScreenshot.CaptureAsync(page, "test-page");

        var overview = await report.ExpandImageAttachmentAsync("overview", AllureResultFiles.AttachmentSource(results, Breaching, "overview"));
        var overviewSize = await overview.EvaluateAsync<int[]>("img => [img.naturalWidth, img.naturalHeight]");
        // A chart alone is 360 px high: more means the verdict, gates, breaches and numbers are there too.
        Assert.That(overviewSize[1], Is.GreaterThan(450), $"the overview is a whole page (verdict, gates, breaches, numbers, chart): {overviewSize[0]}x{overviewSize[1]}");
        var overviewText = File.ReadAllText(Path.Combine(results, AllureResultFiles.AttachmentSource(results, Breaching, "overview")));
        Assert.That(overviewText, Does.Contain("FAILED: ").And.Contain("Past their limits").And.Contain("slow-endpoint"), "the overview says what broke");
        await ReportScreenshot.CaptureAsync(page, "overview-attachment");

        var chart = await report.ExpandImageAttachmentAsync(Chart, chartSource);
        var naturalWidth = await chart.EvaluateAsync<int>("img => img.naturalWidth");
        var box = await chart.BoundingBoxAsync();
        Assert.That(naturalWidth, Is.GreaterThan(0), "the SVG attachment decoded into an image");
        Assert.That(box is { Width: > 100, Height: > 100 }, Is.True, $"the chart is drawn at a readable size: {box?.Width}x{box?.Height}");
        await ReportScreenshot.CaptureAsync(page, "chart");

        await report.OpenCategoriesAsync();
        await report.ExpandCategoryAsync("Budget breach", Breaching);
        Assert.That(await report.ShowsTextAsync(Breaching), Is.True, "the breaching test is listed under Budget breach");
        Assert.That(await report.ShowsTextAsync(Passing, 1_000), Is.False, "the passing test is in no category");
        await ReportScreenshot.CaptureAsync(page, "categories");
    }

    [Test]
    public async Task ScreenshotCheck_AboutBlank_CountsAsBlank()
    {
        var page = await _browser!.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        await page.GotoAsync("about:blank");

        var stats = ScreenshotCheck.Measure(await page.ScreenshotAsync());

        Assert.That((stats.Width, stats.Height), Is.EqualTo((1400, 900)));
        Assert.That(stats.IsBlank, Is.True, stats.ToString());
    }

    /// <summary>Runs the two demo tests against a loopback Kestrel, recording them into <paramref name="results"/>.</summary>
    private static async Task RecordDemoSuiteAsync(string results, CancellationToken cancellationToken)
    {
        await using var endpoint = await DemoEndpoint.StartAsync(cancellationToken);
        using var nested = new NestedAllureRun(results);
        var passed = await nested.RecordAsync(DemoClass, Passing, () => DemoSuite.FastEndpointAsync(endpoint.BaseAddress, cancellationToken));
        var breached = await nested.RecordAsync(DemoClass, Breaching, () => DemoSuite.SlowEndpointAsync(endpoint.BaseAddress, cancellationToken));
        Assert.That((passed, breached), Is.EqualTo((AllureStatus.Passed, AllureStatus.Failed)), "demo suite outcomes (budget tables in the output)");
    }
}
