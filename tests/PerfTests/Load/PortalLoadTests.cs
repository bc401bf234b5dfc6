using PerfTests.Load.Http;
using PerfTests.Load.Scenarios;
using PerfTests.Load.Simulations;
using PerfTests.NUnit;
using PerfTests.Reporting.Context;
using PerfTests.Reporting.NUnit;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Load;

/// <summary>
/// Expected load on the portal (seed 004 "baseline": 5 minutes), as an open model so latency is
/// measured from each request's intended start. Each endpoint kind is its own scenario with its
/// share of the arrival rate, so budgets/load.yaml judges each against its own p95 budget.
/// </summary>
[TestFixture]
[Category(PerfCategories.Load)]
[Epic("Performance")]
[Feature("Load")]
public sealed class PortalLoadTests
{
    /// <summary>Nightly length; the PR profile scales it (DurationScale 0.1: 30 s).</summary>
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(5);

    /// <summary>Arrivals per second per endpoint kind: the weighted mix of the seed's light load (100/s in all).</summary>
    private static readonly (string Name, double PerSecond)[] Mix =
    [
        ("client-detail", 30), ("clients-list", 25), ("client-search", 15),
        ("login", 10), ("portfolio-irr", 10), ("client-create", 10),
    ];

    [Test]
    [Story("Weighted request mix at expected load stays within every endpoint's budget")]
    public async Task WeightedMix_AtExpectedLoad_MeetsLoadBudget()
    {
        var environment = LoadSuiteSetUp.Current;
        var hold = PerfRunSettings.Current.Scale(Hold);
        AllureContext.Parameter("hold", hold);
        AllureContext.Parameter("total rate", $"{Mix.Sum(m => m.PerSecond)}/s");

        using var http = new HttpStepClient(new HttpStepOptions { MaxConnectionsPerServer = 64 });
        var steps = new PortalSteps(http, environment.BaseAddress);
        var scenarios = Mix.Select(m => Scenario.Create(m.Name, StepFor(steps, m.Name))
            .WithWarmUp(TimeSpan.FromSeconds(5))
            .WithLoadSimulations(LoadSimulation.ConstantRate(m.PerSecond, hold))
            .WithCapacity(maxWorkers: 50));

        var sampled = await SuiteRun.RunSampledAsync(environment, scenarios, CancellationToken.None);

        SuiteRun.Judge(sampled, "load");
    }

    private static Step StepFor(PortalSteps steps, string name) => name switch
    {
        "client-detail" => steps.ClientDetail(),
        "clients-list" => steps.ClientsList(),
        "client-search" => steps.ClientSearch(),
        "login" => steps.Login(),
        "portfolio-irr" => steps.PortfolioIrr(),
        "client-create" => steps.ClientCreate(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no step for this scenario"),
    };
}
