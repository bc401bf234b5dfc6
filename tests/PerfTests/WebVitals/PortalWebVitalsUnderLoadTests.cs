using PerfTests.Browser;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.WebVitals;

/// <summary>
/// Web vitals while the API serves a background Load scenario (open model, 45 requests/s of
/// list, detail and search): what users see when the portal is busy. budgets/webvitals-underload.yaml
/// judges the pages and, in the same table, that the load really ran without errors.
/// </summary>
[PerfSuite(PerfCategories.WebVitals)]
public sealed class PortalWebVitalsUnderLoadTests : WebVitalsSuite
{
    /// <summary>Upper bound of the background load; it is stopped as soon as the pages are measured.</summary>
    private static readonly TimeSpan MaxLoad = TimeSpan.FromMinutes(5);

    private static readonly (string Name, double PerSecond)[] Mix = [("api-clients-list", 15), ("api-client-detail", 20), ("api-client-search", 10)];

    [Test]
    [Story("Pages stay within their web vitals budget while the API is under load")]
    public Task Pages_WhileApiUnderLoad_MeetWebVitalsBudget() =>
        PerfTest.Create("webvitals-underload")
            .Target(Portal.System)
            .Parameter("background load", $"{Mix.Sum(m => m.PerSecond)}/s")
            .WithHttp(http => http.MaxConnectionsPerServer = 32)
            // The background load lasts as long as the pages take, not a profile's share of it.
            .Unscaled()
            .Run(async run =>
            {
                var steps = new PortalSteps(run.Http);
                var scenarios = Mix.Select(m => Scenario.Create(m.Name, StepFor(steps, m.Name))
                    .WithWarmUp(TimeSpan.FromSeconds(3))
                    .WithLoadSimulations(LoadSimulation.ConstantRate(m.PerSecond, MaxLoad))
                    .WithCapacity(maxWorkers: 32));
                using var stopLoad = new CancellationTokenSource(MaxLoad + TimeSpan.FromMinutes(1));
                var load = run.RunLoadAsync(scenarios, "background load", progress: false, stop: stopLoad.Token);
                try
                {
                    // Let the warm-up pass so every page run sees the steady load.
                    await Task.Delay(TimeSpan.FromSeconds(5), run.CancellationToken);
                    await PagesWorkload.NamedByBudget(Browser, PortalPages.Named, notPages: [.. Mix.Select(m => m.Name)]).RunAsync(run);
                }
                finally
                {
                    await stopLoad.CancelAsync();
                    await load;
                }
            })
            .RunAsync();

    private static Step StepFor(PortalSteps steps, string name) => name switch
    {
        "api-clients-list" => steps.ClientsList(),
        "api-client-detail" => steps.ClientDetail(),
        "api-client-search" => steps.ClientSearch(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no step for this scenario"),
    };
}
