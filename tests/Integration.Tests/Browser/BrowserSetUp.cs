using Integration.Tests.Suites;
using PerfTests;
using PerfTests.Browser;
using PerfTests.Suites.Infrastructure;

namespace Integration.Tests.Browser;

/// <summary>
/// Launches Chromium (scripts/setup-browser.sh installs it) and the lab page server once for the browser
/// tests, and the clean sample portal the first time a test asks for it.
/// </summary>
[SetUpFixture]
public sealed class BrowserSetUp
{
    // Started by the first fixture that asks for it: the lab-page tests need no containers.
    private static readonly SharedEnvironment<PortalEnvironment> CleanPortal =
        new("sample portal", ct => PortalEnvironment.StartAsync(DefectRun.PrSettings, cancellationToken: ct), TimeSpan.FromMinutes(4));

    private static BrowserSession? _session;
    private static LabPageServer? _server;

    internal static BrowserSession Session => _session ?? throw new InvalidOperationException("Chromium did not start; see the OneTimeSetUp error.");

    internal static LabPageServer Server => _server ?? throw new InvalidOperationException("The lab page server did not start.");

    /// <summary>The sample portal without defect switches, on its own containers, shared by the browser tests.</summary>
    internal static async Task<PortalEnvironment> CleanPortalAsync()
    {
        await CleanPortal.StartAsync();
        return CleanPortal.Current;
    }

    /// <summary>Opens a lab page in a fresh context of <paramref name="formFactor"/> and evaluates <paramref name="script"/> there.</summary>
    internal static async Task<T> EvaluateOnLabPageAsync<T>(FormFactor formFactor, string path, string script)
    {
        var context = await Session.Browser.NewContextAsync(Device.ContextOptions(formFactor, new WebVitalsOptions(), Session.Version));
        await using (context)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(Server.BaseAddress, path).ToString());
            return await page.EvaluateAsync<T>(script);
        }
    }

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _server = await LabPageServer.StartAsync(LabPages.All);
        _session = await BrowserLauncher.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await CleanPortal.StopAsync();
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
