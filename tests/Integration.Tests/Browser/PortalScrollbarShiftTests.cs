using Integration.Tests.Suites;
using PerfTests;
using PerfTests.Browser;
using PerfTests.Suites.Infrastructure;
using PerfTests.Suites.WebVitals;

namespace Integration.Tests.Browser;

/// <summary>
/// The sample portal's ScrollbarShift switch measured in real Chromium: the late rows make a scrollbar
/// appear, and the content it moves sideways is a layout shift only a browser showing scrollbars sees.
/// The shared clean portal and one with the switch, on the same containers and seeded database.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class PortalScrollbarShiftTests
{
    private static readonly WebVitalsOptions Options = new() { Runs = 2, WarmUpRuns = 1, CaptureArtifacts = false };

    // The switch adds about 0.0008 on the dashboard (card columns 3-12 px) and 0.0034 on clients (table columns 7.5-15 px).
    private const double ScrollbarPartFloor = 0.0005;

    private PortalEnvironment? clean;
    private ISystemUnderTest? defect;

    private static IEnumerable<TestCaseData> Pages() =>
        [new TestCaseData(PortalPages.Dashboard.Name).SetArgDisplayNames("dashboard"), new TestCaseData(PortalPages.Clients.Name).SetArgDisplayNames("clients")];

    [OneTimeSetUp]
    public async Task StartPortalsAsync()
    {
        clean = await BrowserSetUp.CleanPortalAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        defect = await PortalEnvironment.StartSecondInstanceAsync(
            clean.Dependencies!, "sut-scrollbar:", new Dictionary<string, string?> { ["SampleSystem:FrontEnd:ScrollbarShift"] = "true" }, timeout.Token);
    }

    [OneTimeTearDown]
    public async Task StopPortalsAsync()
    {
        if (defect is not null)
        {
            await defect.DisposeAsync();
        }
    }

    [TestCaseSource(nameof(Pages))]
    public async Task MeasureAsync_ScrollbarShiftSwitch_AddsTheScrollbarsShiftToCls(string pageName)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var page = PortalPages.Named(pageName);
        var on = await new WebVitalsRunner(BrowserSetUp.Session, defect!.BaseAddress, Options).MeasureAsync(page, cancellationToken: timeout.Token);
        var off = await new WebVitalsRunner(BrowserSetUp.Session, clean!.BaseAddress, Options).MeasureAsync(page, cancellationToken: timeout.Token);

        var clsOn = on.Metrics[VitalMetrics.Cls];
        var clsOff = off.Metrics[VitalMetrics.Cls];
        TestContext.Out.WriteLine($"{pageName} cls: ScrollbarShift=true median {clsOn.Median:0.#####} (min {clsOn.Min:0.#####}), off median {clsOff.Median:0.#####} (max {clsOff.Max:0.#####})");
        // Not "0 when off": the clean portal shifts too (the dashboard's h2 pushed down by the cards, about
        // 0.0021; the client grid's own scrollbar, about 0.0002), so the switch must add its part on top.
        Assert.That(clsOn.Min, Is.GreaterThan(clsOff.Max + ScrollbarPartFloor), $"{pageName}: the scrollbar that appears must move content in every run");
    }
}
