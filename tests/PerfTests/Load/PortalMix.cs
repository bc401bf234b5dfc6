using PerfTests.Analysis.Baselines;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Load;

/// <summary>
/// The seed's light-load request mix as open-model scenarios: each endpoint kind is its own
/// scenario with its share of the arrival rate (100/s in all), so budgets/load.yaml judges each
/// against its own budget. Shared by the Load suite and the test proving its budget catches a slowdown.
/// </summary>
internal static class PortalMix
{
    /// <summary>Arrivals per second per endpoint kind.</summary>
    public static readonly IReadOnlyList<(string Name, double PerSecond)> Rates =
    [
        ("client-detail", 30), ("clients-list", 25), ("client-search", 15),
        ("login", 10), ("portfolio-irr", 10), ("client-create", 10),
    ];

    /// <summary>Total arrivals per second of the mix.</summary>
    public static double TotalPerSecond => Rates.Sum(r => r.PerSecond);

    /// <summary>One scenario per endpoint kind, warm-up 5 s, then <paramref name="hold"/> at its rate.</summary>
    public static IEnumerable<Scenario> Build(PortalSteps steps, TimeSpan hold) =>
        Rates.Select(r => Scenario.Create(r.Name, StepFor(steps, r.Name))
            .WithWarmUp(TimeSpan.FromSeconds(5))
            .WithLoadSimulations(LoadSimulation.ConstantRate(r.PerSecond, hold))
            .WithCapacity(maxWorkers: 50));

    /// <summary>
    /// The mix twice in one run for a side-by-side A/B: every endpoint kind as "name@baseline" against
    /// <paramref name="baseline"/> and "name@candidate" against <paramref name="candidate"/>, each at half
    /// its rate on average (the total equals the Load suite's), same warm-up (5 s) and <paramref name="hold"/>.
    /// Each arm's rate is redrawn every 250 ms in [0.5, 1.5] x its mean from its own seed (new every run):
    /// with constant rates both arms' arrivals land in the same instants all run long, and whichever is
    /// served first at a shared instant stayed first, which measured one arm 40-110% "slower" on the same
    /// code (in either direction, by run). Random spacing gives both arms the same exposure to collisions.
    /// </summary>
    public static IEnumerable<Scenario> BuildSideBySide(PortalSteps baseline, PortalSteps candidate, TimeSpan hold, int seed)
    {
        var i = 0;
        return Rates.SelectMany(r => new[]
        {
            Arm(SideBySideSplit.BaselineName(r.Name), StepFor(baseline, r.Name), r.PerSecond / 2, hold, seed + i++),
            Arm(SideBySideSplit.CandidateName(r.Name), StepFor(candidate, r.Name), r.PerSecond / 2, hold, seed + i++),
        }).ToList();
    }

    private static Scenario Arm(string name, Step step, double perSecond, TimeSpan hold, int seed) =>
        Scenario.Create(name, step)
            .WithWarmUp(TimeSpan.FromSeconds(5))
            .WithLoadSimulations(LoadSimulation.RandomRate(perSecond * 0.5, perSecond * 1.5, TimeSpan.FromMilliseconds(250), hold))
            .WithSeed(seed)
            .WithCapacity(maxWorkers: 50);

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
