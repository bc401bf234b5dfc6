using PerfTests.Browser;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.WebVitals;

/// <summary>
/// Base of the browser fixtures: the shared portal of the category, and one Chromium started with the
/// first of them and closed when the run ends (<see cref="SuitesTearDown"/>).
/// </summary>
public abstract class WebVitalsSuite : PortalSuite
{
    private static readonly SharedEnvironment<BrowserSession> SharedBrowser =
        new("Chromium (run scripts/setup-browser.sh)", ct => BrowserLauncher.LaunchAsync(ct), TimeSpan.FromMinutes(2));

    /// <summary>The running Chromium.</summary>
    internal static BrowserSession Browser => SharedBrowser.Current;

    /// <summary>Launches Chromium unless it runs already.</summary>
    [OneTimeSetUp]
    public Task LaunchBrowserAsync() => SharedBrowser.StartAsync();

    /// <summary>Closes Chromium.</summary>
    internal static Task CloseBrowserAsync() => SharedBrowser.StopAsync();
}
