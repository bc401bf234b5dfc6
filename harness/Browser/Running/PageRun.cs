using Microsoft.Playwright;

namespace PerfTests.Browser;

/// <summary>What one browser run of a page recorded.</summary>
internal sealed record PageRunResult(RawEntries Entries, double InteractionsStartMs, double? JsHeapBytes)
{
    public byte[]? Screenshot { get; init; }

    public IReadOnlyList<FilmstripFrame> Frames { get; init; } = [];

    /// <summary>The capture run's DevTools trace (Chrome's JSON trace format), or null.</summary>
    public byte[]? Trace { get; init; }
}

/// <summary>
/// One cold run of a page in a fresh browser context: throttle, navigate, wait until rendered
/// and quiet, drive the interactions, read the entries back.
/// </summary>
internal static class PageRun
{
    // A new renderer's first Intl call loads ICU's data: about 20 ms, 100 ms at 4x CPU, charged to whichever
    // page task first formats a date or a number (the dashboard's toLocaleTimeString: 66 ms of TBT under
    // Slow 4G). Lighthouse warms Intl before it throttles and navigates (prepare.js, warmUpIntlSegmenter),
    // so it never counts that cost; the same call here, on about:blank, whose renderer the navigation keeps.
    private const string IntlWarmUp = "() => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment('aaa')].length";

    public static async Task<PageRunResult> RunAsync(
        IBrowser browser, Uri address, PageSpec spec, LabConditions conditions, WebVitalsOptions options, bool capture, CancellationToken cancellationToken)
    {
        var context = await browser.NewContextAsync(Device.ContextOptions(conditions.FormFactor, options, browser.Version)).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            await context.AddInitScriptAsync(EntryReader.CollectorScript).ConfigureAwait(false);
            var page = await context.NewPageAsync().ConfigureAwait(false);
            var timeout = (float)options.PageTimeout.TotalMilliseconds;
            page.SetDefaultTimeout(timeout);
            var cdp = await context.NewCDPSessionAsync(page).ConfigureAwait(false);
            await page.EvaluateAsync(IntlWarmUp).ConfigureAwait(false);
            await LabThrottling.ApplyAsync(cdp, conditions).ConfigureAwait(false);
            await cdp.SendAsync("Performance.enable").ConfigureAwait(false);
            // Measured runs record the screencast for Speed Index, as Lighthouse records screenshots in its trace;
            // the capture run also records a DevTools trace, which costs more than the numbers should carry.
            var screencast = capture || options.SpeedIndex ? await ScreencastRecorder.StartAsync(cdp).ConfigureAwait(false) : null;
            var trace = capture ? await TraceRecorder.StartAsync(cdp).ConfigureAwait(false) : null;

            var response = await page.GotoAsync(address.ToString(), new() { WaitUntil = WaitUntilState.Load, Timeout = timeout }).ConfigureAwait(false);
            if (response is null || !response.Ok)
            {
                throw new InvalidOperationException($"{spec.Name}: GET {address} answered {response?.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}.");
            }

            await PageWaits.ReadyAsync(page, spec, options, cancellationToken).ConfigureAwait(false);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle).ConfigureAwait(false);
            await Task.Delay(options.SettleTime, cancellationToken).ConfigureAwait(false);
            if (options.WaitForInteractive)
            {
                await PageWaits.QuietAsync(page, options, cancellationToken).ConfigureAwait(false);
            }

            var interactionsStart = await page.EvaluateAsync<double>("() => performance.now()").ConfigureAwait(false);
            foreach (var interaction in spec.Interactions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await interaction.RunAsync(page).ConfigureAwait(false);
                await Task.Delay(options.InteractionPause, cancellationToken).ConfigureAwait(false);
            }

            var entries = await EntryReader.ReadAsync(page).ConfigureAwait(false);
            var heap = await JsHeapAsync(cdp).ConfigureAwait(false);
            IReadOnlyList<FilmstripFrame> frames = [];
            if (screencast is not null)
            {
                var origin = await page.EvaluateAsync<double>("() => performance.timeOrigin").ConfigureAwait(false);
                frames = await screencast.StopAsync(origin).ConfigureAwait(false);
            }

            if (trace is null)
            {
                return new PageRunResult(entries, interactionsStart, heap) { Frames = frames };
            }

            var png = await page.ScreenshotAsync(new() { Type = ScreenshotType.Png }).ConfigureAwait(false);
            var traceJson = await trace.StopAsync().ConfigureAwait(false);
            return new PageRunResult(entries, interactionsStart, heap) { Screenshot = png, Frames = frames, Trace = traceJson };
        }
    }

    private static async Task<double?> JsHeapAsync(ICDPSession cdp)
    {
        var result = await cdp.SendAsync("Performance.getMetrics").ConfigureAwait(false);
        if (result is not { } json || !json.TryGetProperty("metrics", out var metrics))
        {
            return null;
        }

        foreach (var metric in metrics.EnumerateArray())
        {
            if (metric.GetProperty("name").GetString() == "JSHeapUsedSize")
            {
                return metric.GetProperty("value").GetDouble();
            }
        }

        return null;
    }
}
