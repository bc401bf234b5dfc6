namespace PerfTests.Browser;

/// <summary>Measures pages in Chromium: warm-up, measured runs aggregated by median, then a capture run for artifacts.</summary>
public sealed class WebVitalsRunner(BrowserSession session, Uri baseAddress, WebVitalsOptions? options = null)
{
    private readonly WebVitalsOptions options = options ?? new WebVitalsOptions();

    /// <summary>Measures <paramref name="page"/> under <paramref name="conditions"/>.</summary>
    /// <param name="page">The page and its interactions.</param>
    /// <param name="conditions">Lab conditions; default <see cref="LabConditions.Desktop"/>.</param>
    /// <param name="scope">Budget scenario name; default the page name, with <c>@conditions</c> unless desktop.</param>
    /// <param name="cancellationToken">Stops between runs and interactions.</param>
    public async Task<PageVitals> MeasureAsync(PageSpec page, LabConditions? conditions = null, string? scope = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        options.Validate();
        conditions ??= LabConditions.Desktop;
        scope ??= conditions == LabConditions.Desktop ? page.Name : page.Name + "@" + conditions.Name;
        var address = new Uri(baseAddress, page.Path);
        var interactive = page.Interactions.Count > 0;
        for (var i = 0; i < options.WarmUpRuns; i++)
        {
            await PageRun.RunAsync(session.Browser, address, page, conditions, options, capture: false, cancellationToken).ConfigureAwait(false);
        }

        // Measured with each page, right before its runs (about 1 s): it says how fast the machine was when
        // these numbers were taken, which on a shared runner changes from minute to minute.
        var benchmarkIndex = await CpuBenchmark.MeasureAsync(session.Browser).ConfigureAwait(false);
        var samples = new List<PageSample>(options.Runs);
        for (var i = 0; i < options.Runs; i++)
        {
            var run = await PageRun.RunAsync(session.Browser, address, page, conditions, options, capture: false, cancellationToken).ConfigureAwait(false);
            samples.Add(SampleBuilder.Build(run, interactive, conditions.FormFactor));
        }

        var vitals = new PageVitals(scope, page, conditions, samples) { CpuBenchmarkIndex = benchmarkIndex };
        if (options.CaptureArtifacts)
        {
            var capture = await PageRun.RunAsync(session.Browser, address, page, conditions, options, capture: true, cancellationToken).ConfigureAwait(false);
            vitals.Screenshot = capture.Screenshot;
            vitals.Filmstrip = FilmstripSvg.Render(scope, capture);
            vitals.Trace = capture.Trace;
        }

        return vitals;
    }
}
