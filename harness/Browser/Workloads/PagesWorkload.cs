using PerfTests.Budgets;

namespace PerfTests.Browser;

/// <summary>
/// Measures pages in Chromium as a workload of <see cref="PerfTest"/>: each page cold, several runs,
/// judged by median; its table, screenshot and filmstrip go to the report, its vitals to the budget.
/// Either the pages given, or every page the budget names (scenario <c>page</c> or <c>page@conditions</c>,
/// so the budget file decides which lab conditions run).
/// </summary>
public sealed class PagesWorkload : IWorkload
{
    private readonly BrowserSession _browser;
    private readonly Func<Budget?, IReadOnlyList<(PageSpec Page, LabConditions Conditions, string Scope)>> _pages;
    private readonly WebVitalsOptions _options;

    private PagesWorkload(BrowserSession browser, Func<Budget?, IReadOnlyList<(PageSpec, LabConditions, string)>> pages, WebVitalsOptions? options)
    {
        _browser = browser ?? throw new ArgumentNullException(nameof(browser));
        _pages = pages;
        _options = options ?? new WebVitalsOptions();
    }

    /// <summary>What was measured, once run.</summary>
    public IReadOnlyList<PageVitals> Measured { get; private set; } = [];

    /// <summary><paramref name="pages"/> under <paramref name="conditions"/> (default desktop); budget scopes are the page names (with @conditions unless desktop).</summary>
    public static PagesWorkload Of(BrowserSession browser, IEnumerable<PageSpec> pages, LabConditions? conditions = null, WebVitalsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var list = pages.ToList();
        var lab = conditions ?? LabConditions.Desktop;
        return new PagesWorkload(browser, _ => [.. list.Select(p => (p, lab, lab == LabConditions.Desktop ? p.Name : p.Name + "@" + lab.Name))], options);
    }

    /// <summary>
    /// Every page the test's budget names, found with <paramref name="pageNamed"/>; scopes in
    /// <paramref name="notPages"/> (a background load's scenarios) are skipped.
    /// </summary>
    public static PagesWorkload NamedByBudget(
        BrowserSession browser, Func<string, PageSpec> pageNamed, WebVitalsOptions? options = null, IReadOnlyCollection<string>? notPages = null)
    {
        ArgumentNullException.ThrowIfNull(pageNamed);
        return new PagesWorkload(browser, budget =>
        {
            var scopes = (budget ?? throw new InvalidOperationException("The pages are named by the test's budget, and it has none."))
                .Scopes.Where(s => s.Step is null).Select(s => s.Scenario).Distinct().Except(notPages ?? []);
            return [.. scopes.Select(scope =>
            {
                var (page, conditions) = LabConditions.ParseScenario(scope);
                return (pageNamed(page), conditions, scope);
            })];
        }, options);
    }

    /// <inheritdoc />
    public async Task RunAsync(PerfRunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var runner = new WebVitalsRunner(_browser, context.Http.BaseAddress, _options);
        context.Parameter("browser", _browser.Version);
        context.Parameter("runs per page", _options.Runs);
        var measured = new List<PageVitals>();
        foreach (var (page, conditions, scope) in _pages(context.Budget))
        {
            var vitals = await context.StepAsync($"measure {scope}", () => runner.MeasureAsync(page, conditions, scope, context.CancellationToken)).ConfigureAwait(false);
            Report(context, vitals);
            measured.Add(vitals);
        }

        if (measured.FirstOrDefault()?.CpuBenchmarkIndex is { } index)
        {
            context.Parameter("cpu benchmark index", Math.Round(index));
        }

        Measured = measured;
        context.AddMeasurements(new WebVitalsMeasurements(measured));
    }

    /// <summary>One page's runs in the report: the spread table, collector notes, screenshot, filmstrip, trended medians.</summary>
    public static void Report(PerfRunContext context, PageVitals vitals)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(vitals);
        context.Note($"{vitals.Scope} runs (median, spread)", vitals.ToTable());
        foreach (var error in vitals.Samples.SelectMany(s => s.Errors).Distinct())
        {
            context.Output.WriteLine($"  {vitals.Scope}: collector note: {error}");
        }

        if (vitals.Screenshot is { } png)
        {
            context.Attach($"{vitals.Scope} screenshot", png, "image/png", "png");
        }

        if (vitals.Filmstrip is { } svg)
        {
            context.Attach($"{vitals.Scope} filmstrip and timeline", svg, "image/svg+xml", "svg");
        }

        context.Note($"{vitals.Scope} diagnostics", vitals.Diagnostics());
        if (vitals.Trace is { } trace)
        {
            // Chrome's JSON trace format: DevTools > Performance > Load profile opens it.
            context.Attach($"{vitals.Scope} DevTools trace", trace, "application/json", "json");
        }

        foreach (var (name, spread) in vitals.Metrics)
        {
            context.Trend($"{vitals.Scope}.{name}", spread.Median, Unit(name));
        }
    }

    private static string Unit(string metric) => metric switch
    {
        "cls" or "resource_count" or "score" or "render_blocking_count" => "",
        _ when metric.EndsWith("bytes", StringComparison.Ordinal) => "B",
        _ => "ms",
    };
}
