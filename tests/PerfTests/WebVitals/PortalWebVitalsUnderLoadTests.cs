using PerfTests.Load.Results;
using PerfTests.Browser;
using PerfTests.Load.Http;
using PerfTests.Load.Running;
using PerfTests;
using PerfTests.Reporting.Context;
using PerfTests.Reporting.NUnit;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.WebVitals;

/// <summary>
/// Web vitals while the API serves a background Load scenario (open model, 45 requests/s of
/// list, detail and search): what users see when the portal is busy. budgets/webvitals-underload.yaml
/// judges the pages and, in the same table, that the load really ran without errors.
/// </summary>
[TestFixture]
[Category(PerfCategories.WebVitals)]
[Epic("Performance")]
[Feature("WebVitals")]
public sealed class PortalWebVitalsUnderLoadTests
{
    /// <summary>Upper bound of the background load; it is stopped as soon as the pages are measured.</summary>
    private static readonly TimeSpan MaxLoad = TimeSpan.FromMinutes(5);

    private static readonly (string Name, double PerSecond)[] Mix = [("api-clients-list", 15), ("api-client-detail", 20), ("api-client-search", 10)];

    [Test]
    [Story("Pages stay within their web vitals budget while the API is under load")]
    public async Task Pages_WhileApiUnderLoad_MeetWebVitalsBudget()
    {
        var portal = WebVitalsSuiteSetUp.Portal;
        var budget = BudgetFiles.Load("webvitals-underload");
        AllureContext.Parameter("background load", $"{Mix.Sum(m => m.PerSecond)}/s");

        using var http = new HttpStepClient(new HttpStepOptions { MaxConnectionsPerServer = 32 });
        var steps = new PortalSteps(http, portal.BaseAddress);
        var scenarios = Mix.Select(m => Scenario.Create(m.Name, StepFor(steps, m.Name))
            .WithWarmUp(TimeSpan.FromSeconds(3))
            .WithLoadSimulations(LoadSimulation.ConstantRate(m.PerSecond, MaxLoad))
            .WithCapacity(maxWorkers: 32));
        using var stopLoad = new CancellationTokenSource(MaxLoad + TimeSpan.FromMinutes(1));
        var load = Task.Run(() => LoadRunner.RunAsync(scenarios, new LoadRunnerOptions(), stopLoad.Token));

        IReadOnlyList<PageVitals> pages;
        try
        {
            // Let the warm-up pass so every page run sees the steady load.
            await Task.Delay(TimeSpan.FromSeconds(5));
            pages = await WebVitalsRun.MeasureBudgetPagesAsync(budget, portal.BaseAddress, notPages: [.. Mix.Select(m => m.Name)]);
        }
        finally
        {
            await stopLoad.CancelAsync();
        }

        var run = await load;
        TestContext.Out.WriteLine(run.ToString());
        AllureContext.Attach("background load summary", run.ToString(), "text/plain", "txt");
        WebVitalsRun.Judge(new CombinedMeasurements(new WebVitalsMeasurements(pages), new LoadRunMeasurements(run)), budget);
    }

    private static Step StepFor(PortalSteps steps, string name) => name switch
    {
        "api-clients-list" => steps.ClientsList(),
        "api-client-detail" => steps.ClientDetail(),
        "api-client-search" => steps.ClientSearch(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no step for this scenario"),
    };
}
