using PerfTests.Browser;

namespace PerfTests.Suites.WebVitals;

/// <summary>
/// Lab web vitals of the portal's pages in real Chromium: every page and lab condition that
/// budgets/webvitals.yaml names, 5 cold runs each (median judged, spread reported).
/// </summary>
[PerfSuite(PerfCategories.WebVitals)]
public sealed class PortalWebVitalsTests : WebVitalsSuite
{
    [Test]
    [Story("Every page meets its web vitals and resource budgets in the lab")]
    public Task Pages_InLab_MeetWebVitalsBudget() =>
        PerfTest.Create("webvitals")
            .Target(Portal.System)
            .Run(PagesWorkload.NamedByBudget(Browser, PortalPages.Named))
            .RunAsync();
}
