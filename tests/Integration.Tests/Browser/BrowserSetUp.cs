using PerfTests.Browser;

namespace Integration.Tests.Browser;

/// <summary>Launches Chromium (scripts/setup-browser.sh installs it) and the lab page server once for the browser tests.</summary>
[SetUpFixture]
public sealed class BrowserSetUp
{
    private static BrowserSession? _session;
    private static LabPageServer? _server;

    internal static BrowserSession Session => _session ?? throw new InvalidOperationException("Chromium did not start; see the OneTimeSetUp error.");

    internal static LabPageServer Server => _server ?? throw new InvalidOperationException("The lab page server did not start.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _server = await LabPageServer.StartAsync(LabPages.All);
        _session = await BrowserLauncher.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
