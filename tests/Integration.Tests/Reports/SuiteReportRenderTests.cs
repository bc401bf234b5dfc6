using Microsoft.Playwright;
using PerfTests.Browser;

namespace Integration.Tests.Reports;

/// <summary>
/// Issue 7 on the real thing: the Load suite test is run as users run it (a child dotnet test of the
/// built suites, PR profile, shortened), its allure-results are rendered by the real Allure 3 CLI and
/// the report is opened in headless Chromium: the test, its steps, parameters, charts and its
/// verdict's category must show. Needs the suites built, containers (scripts/setup-containers.sh), node/npm
/// (scripts/setup-allure.sh) and Chromium (scripts/setup-browser.sh); 30-60 s on the busy 2-core machine.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class SuiteReportRenderTests
{
    private const string SuiteClass = "PerfTests.Suites.Load.PortalLoadTests";
    private const string TestName = "WeightedMix_AtExpectedLoad_MeetsLoadBudget";
    private const string LatencyChart = "client-detail: latency per second";
    private const string ResourceChart = "resources: CPU";

    /// <summary>
    /// The suite's 5-minute hold becomes 10.02 s: at 10/s the slowest scenarios still collect the 100
    /// samples p(99) needs (8 s would breach every time with "not enough data"), while the whole
    /// child run (containers, seeding, 5 s warm-up) stays under a minute here.
    /// </summary>
    private const double DurationScale = 0.0334;

    private BrowserSession? _browser;
    private string _work = "";
    private SuiteTestRunResult? _run;
    private IPage? _page;

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
    public void CreateWorkFolder()
    {
        _work = Directory.CreateTempSubdirectory("perf-suite-report-").FullName;
        (_run, _page) = (null, null);
    }

    [TearDown]
    public async Task DeleteWorkFolderAsync()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Passed)
        {
            Directory.Delete(_work, recursive: true);
            return;
        }

        if (_page is { IsClosed: false })
        {
            try
            {
                // What the browser showed when the check gave up.
                await _page.ScreenshotAsync(new() { Path = Path.Combine(_work, "at-failure.png") });
            }
            catch (PlaywrightException ex)
            {
                TestContext.Out.WriteLine($"no screenshot at failure: {ex.Message}");
            }
        }

        // The suite's output, allure-results and report are the evidence of what went wrong.
        if (_run is { Process.ExitCode: 0 })
        {
            TestContext.Out.WriteLine($"Output of the suite run:\n{_run.Process.Output}");
        }

        TestContext.Out.WriteLine($"suite output, allure-results and report kept in {_work}");
    }

    [Test]
    public async Task AllureReport_LoadSuiteRun_ShowsTestStepsParametersChartsAndVerdict()
    {
        using var timeout = new CancellationTokenSource(SuiteTestRun.Timeout + AllureCli.Timeout);
        var run = _run = await SuiteTestRun.RunAsync($"FullyQualifiedName~{SuiteClass}", DurationScale, _work, timeout.Token);
        var verdict = SuiteVerdict(run);

        var result = AllureResultFiles.Result(run.ResultsDirectory, TestName);
        var measured = AllureResultFiles.Parameter(result, "measured");
        var overviewSource = AllureResultFiles.AttachmentSource(run.ResultsDirectory, TestName, "overview");
        var chartSource = AllureResultFiles.AttachmentSource(run.ResultsDirectory, TestName, LatencyChart);
        var resourceSource = AllureResultFiles.AttachmentNames(result).Contains(ResourceChart)
            ? AllureResultFiles.AttachmentSource(run.ResultsDirectory, TestName, ResourceChart)
            : null;
        TestContext.Out.WriteLine(resourceSource is null ? $"no '{ResourceChart}' attached (no resource samples)" : $"'{ResourceChart}' attached");

        var index = await AllureCli.RenderSingleFileAsync(
            run.ResultsDirectory, Path.Combine(_work, "report"), Path.Combine(_work, "history.jsonl"), timeout.Token);
        var page = _page = await _browser!.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var report = new AllureReportPage(page);

        await report.OpenAsync(index);
        Assert.That(await report.TreeTestTitlesAsync(), Is.EquivalentTo(new[] { TestName }));
        Assert.That(await report.TreeStatusAsync(TestName), Is.EqualTo(verdict));
        await ReportScreenshot.CaptureAsync(page, "suite-overview");

        await report.OpenTestAsync(TestName);
        Assert.That(await report.FirstBodyItemTitleAsync(), Is.EqualTo("overview"), "the test body opens on the overview");
        await AssertChartAsync(report, "overview", overviewSource, "suite-overview-attachment");
        foreach (var text in new[] { "run load", "judge against budgets/load.yaml", "measured", measured, "total rate", "100/s" })
        {
            Assert.That(await report.ShowsTextAsync(text), Is.True, $"test page of {TestName} shows '{text}'");
        }

        if (verdict == "failed")
        {
            Assert.That(await report.ShowsTextAsync("Category: Budget breach"), Is.True, "the breach's category is on the test page");
        }

        await ReportScreenshot.CaptureAsync(page, "suite-test-page");

        await AssertChartAsync(report, LatencyChart, chartSource, "suite-latency-chart");
        if (resourceSource is not null)
        {
            await AssertChartAsync(report, ResourceChart, resourceSource, "suite-resource-chart");
        }

        // By address, not by reloading the overview: a same-document navigation (one reload of the
        // 4 MB page once showed no tree within 30 s on the busy machine and could not be reproduced).
        await report.OpenCategoriesByAddressAsync();
        if (verdict == "failed")
        {
            Assert.That(await report.HasCategoriesTabAsync(), Is.True, "a breach puts the test into a category: the Categories tab shows");
            await report.ExpandCategoryAsync("Budget breach", TestName);
            Assert.That(await report.ShowsTextAsync(TestName), Is.True, "the breaching test is listed under Budget breach");
        }
        else
        {
            // Allure shows no Categories tab when no test falls into one; the view is still there by its address.
            Assert.That(await report.ShowsTextAsync("No categories results available"), Is.True, "the categories view opens, empty");
            Assert.That(await report.HasCategoriesTabAsync(), Is.False, "a passing run puts no test into a category");
            Assert.That(await report.ShowsTextAsync("Budget breach", 1_000), Is.False, "a passing run has no Budget breach category");
            Assert.That(await report.ShowsTextAsync(TestName, 1_000), Is.False, "the passing test is in no category");
        }

        await ReportScreenshot.CaptureAsync(page, "suite-categories");
    }

    /// <summary>
    /// The suite's verdict as recorded ("passed" or "failed": a shortened run may breach a budget,
    /// which the report must then show); anything else means the suite did not really run.
    /// </summary>
    private static string SuiteVerdict(SuiteTestRunResult run)
    {
        var exitCode = run.Process.ExitCode;
        if (run.Process.TimedOut || !Directory.Exists(run.ResultsDirectory))
        {
            Assert.Fail($"The suite run {(run.Process.TimedOut ? $"did not finish within {SuiteTestRun.Timeout.TotalSeconds:0} s" : $"exited with {exitCode} and wrote no allure-results")}. Its output:\n{run.Process.Output}");
        }

        var result = AllureResultFiles.Result(run.ResultsDirectory, TestName);
        var status = result.GetProperty("status").GetString() ?? "";
        var message = result.TryGetProperty("statusDetails", out var details) && details.TryGetProperty("message", out var m) ? m.GetString() : null;
        TestContext.Out.WriteLine($"Load suite verdict: {status} (dotnet test exit code {exitCode}){(message is null ? "" : $": {message}")}");
        if (exitCode != 0)
        {
            TestContext.Out.WriteLine($"Output of the suite run:\n{run.Process.Output}");
        }

        Assert.That(status, Is.AnyOf("passed", "failed"), "the suite test ran to a verdict (broken or skipped: see its output above)");
        Assert.That(exitCode == 0, Is.EqualTo(status == "passed"), "dotnet test's exit code agrees with the recorded verdict");
        Assert.That(File.Exists(run.SummaryFile) ? File.ReadAllText(run.SummaryFile) : "", Does.Contain(TestName), "the markdown summary went to the SummaryFile run parameter");
        return status;
    }

    private static async Task AssertChartAsync(AllureReportPage report, string name, string source, string screenshot)
    {
        var chart = await report.ExpandImageAttachmentAsync(name, source);
        var (naturalWidth, box) = (await chart.EvaluateAsync<int>("img => img.naturalWidth"), await chart.BoundingBoxAsync());
        Assert.That(naturalWidth, Is.GreaterThan(0), $"the SVG attachment '{name}' decoded into an image");
        Assert.That(box is { Width: > 100, Height: > 100 }, Is.True, $"'{name}' is drawn at a readable size: {box?.Width}x{box?.Height}");
        await ReportScreenshot.CaptureAsync(report.Page, screenshot);
    }
}
