using Microsoft.Playwright;

namespace PerfTests.Browser;

/// <summary>
/// The waits of a measured run, done from outside the page: Playwright's locator waits poll on every
/// animation frame inside the page, which added main-thread work to the very tasks TBT measures.
/// Here the page is asked a one-line question every <see cref="PollInterval"/>, a task of well under a millisecond.
/// </summary>
internal static class PageWaits
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Until an element matches the page's ready selector.</summary>
    /// <exception cref="TimeoutException">Nothing matched within the page timeout; names the page and selector.</exception>
    public static async Task ReadyAsync(IPage page, PageSpec spec, WebVitalsOptions options, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + options.PageTimeout;
        while (!await page.EvaluateAsync<bool>("s => document.querySelector(s) !== null", spec.ReadySelector).ConfigureAwait(false))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{spec.Name}: nothing matched the ready selector '{spec.ReadySelector}' within {options.PageTimeout.TotalSeconds:0} s.");
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Until the main thread has been free of long tasks for TTI's quiet window after FCP (or the page
    /// timeout passes: TTI is then undefined and TBT ends where the interactions start).
    /// </summary>
    public static async Task QuietAsync(IPage page, WebVitalsOptions options, CancellationToken cancellationToken)
    {
        const string Script = """
            () => {
              const s = window.__perfVitals;
              const fcp = performance.getEntriesByName('first-contentful-paint')[0];
              const ends = (s ? s.longTasks : []).map(t => t.startTime + t.duration);
              return performance.now() - Math.max(fcp ? fcp.startTime : 0, ...ends);
            }
            """;
        var deadline = DateTime.UtcNow + options.PageTimeout;
        // A little over the window, so the last request's end (checked afterwards) falls inside what was observed.
        var quiet = TimeToInteractive.QuietWindowMs + 250;
        while (DateTime.UtcNow < deadline)
        {
            var sinceLastTask = await page.EvaluateAsync<double>(Script).ConfigureAwait(false);
            if (sinceLastTask >= quiet)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp(quiet - sinceLastTask, 50, 500)), cancellationToken).ConfigureAwait(false);
        }
    }
}
