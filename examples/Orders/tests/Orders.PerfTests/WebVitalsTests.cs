using PerfTests.Browser;

namespace Orders.PerfTests;

/// <summary>Lab web vitals of a page in headless Chromium, judged by budgets/webvitals.yaml (scenario "home").</summary>
[PerfSuite(PerfCategories.WebVitals)]
public sealed class WebVitalsTests
{
    private static readonly SharedEnvironment<BrowserSession> Browser =
        new("Chromium", ct => BrowserLauncher.LaunchAsync(ct), TimeSpan.FromMinutes(2));

    [OneTimeSetUp]
    public Task LaunchAsync() => Browser.StartAsync();

    [OneTimeTearDown]
    public Task CloseAsync() => Browser.StopAsync();

    [Test]
    public Task Home_InTheLab_MeetsItsWebVitalsBudget() =>
        PerfTest.Create("webvitals")
            .Target(TargetApp.Current)
            .Run(PagesWorkload.Of(Browser.Current, [new PageSpec("home", "/", "body", [])]))
            .RunAsync();
}
