using PerfTests.Browser;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.WebVitals;

/// <summary>Starts the portal environment and Chromium once for the WebVitals suite and always tears both down.</summary>
[SetUpFixture]
public sealed class WebVitalsSuiteSetUp
{
    private static PortalEnvironment? _portal;
    private static BrowserSession? _browser;

    internal static PortalEnvironment Portal =>
        _portal ?? throw new InvalidOperationException("The WebVitals environment did not start; see the OneTimeSetUp error.");

    internal static BrowserSession Browser =>
        _browser ?? throw new InvalidOperationException("Chromium did not start (run scripts/setup-browser.sh); see the OneTimeSetUp error.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        _browser = await BrowserLauncher.LaunchAsync(timeout.Token);
        _portal = await PortalEnvironment.StartAsync(cancellationToken: timeout.Token);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        try
        {
            if (_browser is not null)
            {
                await _browser.DisposeAsync();
                _browser = null;
            }
        }
        finally
        {
            if (_portal is not null)
            {
                await _portal.DisposeAsync();
                _portal = null;
            }
        }
    }
}
