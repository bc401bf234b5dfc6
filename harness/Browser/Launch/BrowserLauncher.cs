using Microsoft.Playwright;

namespace PerfTests.Browser;

/// <summary>Starts Playwright and a headless Chromium configured for lab measurement.</summary>
public static class BrowserLauncher
{
    /// <summary>
    /// Flags that keep Chromium's own background traffic and GPU differences out of the numbers;
    /// --no-sandbox because CI runs as root in containers.
    /// </summary>
    public static readonly IReadOnlyList<string> LabArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-quic", "--no-first-run",
    ];

    /// <summary>Playwright's headless defaults that would make the lab differ from a user's browser.</summary>
    private static readonly string[] HiddenDefaults = ["--hide-scrollbars"];

    /// <summary>
    /// Launches headless Chromium: PERF_CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own browser.
    /// Dispose the returned session to close the browser and the Playwright driver.
    /// </summary>
    public static async Task<BrowserSession> LaunchAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var executable = ChromiumLocator.Resolve();
        var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                Headless = true,
                ExecutablePath = executable,
                Args = LabArguments,
                // Playwright hides scrollbars in headless mode; users see them, and a scrollbar that
                // appears after render shifts centred and right-aligned content (a layout shift).
                IgnoreDefaultArgs = HiddenDefaults,
            }).ConfigureAwait(false);
            return new BrowserSession(playwright, browser, executable ?? "playwright-bundled chromium");
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
