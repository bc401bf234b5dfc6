using PerfTests.Browser;
using PerfTests.Budgets;
using PerfTests;
using PerfTests.Reporting.Context;

namespace PerfTests.Suites.WebVitals;

/// <summary>
/// Measures every page a budget file names (scenario <c>page</c> or <c>page@conditions</c>, so the
/// budget selects the lab conditions) and reports each: spread table, PNG, filmstrip SVG.
/// </summary>
internal static class WebVitalsRun
{
    /// <param name="budget">The budget whose scenarios name the pages.</param>
    /// <param name="baseAddress">The portal.</param>
    /// <param name="options">Runs and waits; default 5 runs.</param>
    /// <param name="notPages">Scenarios of the budget that are not pages (e.g. the background load's), skipped here.</param>
    /// <param name="cancellationToken">Stops between runs.</param>
    public static async Task<IReadOnlyList<PageVitals>> MeasureBudgetPagesAsync(
        Budget budget, Uri baseAddress, WebVitalsOptions? options = null, IReadOnlyCollection<string>? notPages = null, CancellationToken cancellationToken = default)
    {
        var runner = new WebVitalsRunner(WebVitalsSuiteSetUp.Browser, baseAddress, options);
        AllureContext.Parameter("browser", WebVitalsSuiteSetUp.Browser.Version);
        AllureContext.Parameter("runs per page", (options ?? new WebVitalsOptions()).Runs);
        var measured = new List<PageVitals>();
        foreach (var scope in budget.Scopes.Where(s => s.Step is null).Select(s => s.Scenario).Distinct().Except(notPages ?? []))
        {
            var (pageName, conditions) = LabConditions.ParseScenario(scope);
            var page = PortalPages.Named(pageName);
            var vitals = await AllureContext.StepAsync($"measure {scope}", () =>
                runner.MeasureAsync(page, conditions, scope, cancellationToken)).ConfigureAwait(false);
            Report(vitals);
            measured.Add(vitals);
        }

        return measured;
    }

    public static void Report(PageVitals vitals)
    {
        var table = vitals.ToTable();
        TestContext.Out.WriteLine(table);
        AllureContext.Attach($"{vitals.Scope} runs (median, spread)", table, "text/plain", "txt");
        foreach (var error in vitals.Samples.SelectMany(s => s.Errors).Distinct())
        {
            TestContext.Out.WriteLine($"  {vitals.Scope}: collector note: {error}");
        }

        if (vitals.Screenshot is { } png)
        {
            AllureContext.Attach($"{vitals.Scope} screenshot", png, "image/png", "png");
        }

        if (vitals.Filmstrip is { } svg)
        {
            AllureContext.Attach($"{vitals.Scope} filmstrip and timeline", svg, "image/svg+xml", "svg");
        }

        foreach (var (name, spread) in vitals.Metrics)
        {
            AllureContext.Metric($"{vitals.Scope}.{name}", spread.Median);
        }
    }

    public static BudgetReport Judge(IMeasurements measurements, Budget budget) =>
        AllureContext.Step($"judge against budgets/{budget.Suite}.yaml", () => BudgetAssert.Meets(measurements, budget));
}
