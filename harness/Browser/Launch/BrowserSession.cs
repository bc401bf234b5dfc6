using Microsoft.Playwright;

namespace PerfTests.Browser;

/// <summary>A running Playwright driver and browser; disposing closes both.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IPlaywright playwright;

    internal BrowserSession(IPlaywright playwright, IBrowser browser, string executable)
    {
        this.playwright = playwright;
        Browser = browser;
        Executable = executable;
    }

    /// <summary>The browser; each measured run uses a fresh context (cold cache, no cookies).</summary>
    public IBrowser Browser { get; }

    /// <summary>The executable launched, for the report.</summary>
    public string Executable { get; }

    /// <summary>Browser version, for the report.</summary>
    public string Version => Browser.Version;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Browser.CloseAsync().ConfigureAwait(false);
        }
        finally
        {
            playwright.Dispose();
        }
    }
}
