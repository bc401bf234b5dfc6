using PerfTests.Browser;
using PerfTests.Budgets;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.WebVitals;

/// <summary>
/// Proof that budgets/webvitals.yaml catches real front-end regressions: each sample-system
/// defect switch must make its page FAIL the budget, naming the metric the defect hurts, and
/// nothing unrelated. These tests pass when the budget fails as expected.
/// </summary>
[PerfSuite(PerfCategories.WebVitals)]
public sealed class FrontEndDefectTests : WebVitalsSuite
{
    private static readonly WebVitalsOptions Options = new() { Runs = 3, WarmUpRuns = 1, CaptureArtifacts = true };

    private static IEnumerable<TestCaseData> Defects()
    {
        // A 3.5 s synchronous script in <head>: nothing paints until it arrives (FCP fail 3.0 s; LCP may pass 4.0 s too).
        yield return new TestCaseData("RenderBlockingScriptMs", "3500", PortalPages.Dashboard, "metric(fcp)", "metric(fcp) metric(lcp)")
            .SetName("Budget_RenderBlockingScript_FailsFcp");

        // A 480 px banner pushed above the rendered table: nearly the whole viewport moves 480/1350 of its larger side (CLS ~0.35, fail 0.25).
        yield return new TestCaseData("LayoutShift", "true", PortalPages.Clients, "metric(cls)", "metric(cls)")
            .SetName("Budget_LateBannerLayoutShift_FailsCls");

        // 700 ms of main-thread work on every click (INP fail 500 ms).
        yield return new TestCaseData("LongTaskOnClickMs", "700", PortalPages.ClientDetail, "metric(inp)", "metric(inp)")
            .SetName("Budget_LongTaskOnClick_FailsInp");
    }

    [TestCaseSource(nameof(Defects))]
    [Story("A deliberately slowed page fails the right budget, naming the right metric")]
    public async Task Budget_FrontEndDefect_FailsTheMetricItHurts(string defect, string value, PageSpec page, string expected, string allowed)
    {
        if (Portal.Dependencies is not { } dependencies)
        {
            Assert.Ignore("Defect switches need the suite's own portal (not an external TargetUrl).");
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        // A second portal on the suite's containers with the switch on: the clean portal stays clean for the other tests.
        await using var portal = await PortalEnvironment.StartSecondInstanceAsync(
            dependencies, "sut-defect:", new Dictionary<string, string?> { ["SampleSystem:FrontEnd:" + defect] = value }, timeout.Token);

        var result = await PerfTest.Create("webvitals")
            .Budget("webvitals", page.Name)
            .Target(portal)
            .Parameter("defect", $"SampleSystem:FrontEnd:{defect}={value}")
            .Run(PagesWorkload.Of(Browser, [page], options: Options))
            .EvaluateAsync(timeout.Token);

        var failed = result.Budget!.Failures.Select(c => c.Metric.Name).ToList();
        Assert.That(failed, Does.Contain(expected), $"the {defect} defect must fail {expected} on '{page.Name}'");
        Assert.That(failed, Is.SubsetOf(allowed.Split(' ')), $"the {defect} defect must not fail unrelated metrics");
    }
}
