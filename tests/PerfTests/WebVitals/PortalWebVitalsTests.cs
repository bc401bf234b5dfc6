using PerfTests.Browser;
using PerfTests;
using PerfTests.Reporting.NUnit;

namespace PerfTests.Suites.WebVitals;

/// <summary>
/// Lab web vitals of the portal's pages in real Chromium: every page and lab condition that
/// budgets/webvitals.yaml names, 5 cold runs each (median judged, spread reported).
/// </summary>
[TestFixture]
[Category(PerfCategories.WebVitals)]
[Epic("Performance")]
[Feature("WebVitals")]
public sealed class PortalWebVitalsTests
{
    [Test]
    [Story("Every page meets its web vitals and resource budgets in the lab")]
    public async Task Pages_InLab_MeetWebVitalsBudget()
    {
        var budget = BudgetFiles.Load("webvitals");

        var pages = await WebVitalsRun.MeasureBudgetPagesAsync(budget, WebVitalsSuiteSetUp.Portal.BaseAddress);

        WebVitalsRun.Judge(new WebVitalsMeasurements(pages), budget);
    }
}
