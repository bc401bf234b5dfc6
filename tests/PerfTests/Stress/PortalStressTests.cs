using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Stress;

/// <summary>
/// Stress (seed 004: 500 users, 15 minutes): the arrival rate doubles rung by rung until a budget
/// breaks. Reports the breaking point (max sustainable rate within budget) and what errors, drops
/// and latency look like on the first rung past it.
/// </summary>
[PerfSuite(PerfCategories.Stress)]
public sealed class PortalStressTests : PortalSuite
{
    /// <summary>Nightly length of one rung (up to 7 rungs: 14 minutes plus warm-ups, seed 004 says 15); PR (0.1): 12 s.</summary>
    private static readonly TimeSpan Rung = TimeSpan.FromSeconds(120);

    /// <summary>Nightly length of the pool test; PR (0.1): 15 s, the least that shows shedding and recovery.</summary>
    private static readonly TimeSpan PoolHold = TimeSpan.FromSeconds(150);

    [Test]
    [Story("Stepping the arrival rate up finds the breaking point, which must sit above the budgeted floor")]
    public Task ArrivalRateLadder_UntilBudgetBreaks_SustainsBudgetedRate() =>
        PerfTest.Create("stress")
            .Target(Portal.System)
            .WithHttp(http => http.MaxConnectionsPerServer = 256)
            .Run(new StressLadder(PortalMix, rung: Rung))
            .RunAsync();

    /// <summary>
    /// One iteration is the journey login, clients-list, client-detail, portfolio-irr, so the budget
    /// (budgets/stress.yaml, scenario portal-mix) judges every endpoint kind at every rate.
    /// </summary>
    internal static Scenario PortalMix(HttpTarget http)
    {
        var steps = new PortalSteps(http);
        return Scenario.Create("portal-mix", steps.Login(), steps.ClientsList(), steps.ClientDetail(), steps.PortfolioIrr());
    }

    [Test]
    [Story("An exhausted database pool sheds the excess as fast 503s, never hangs")]
    public async Task TinyPool_OfferedTwiceItsCapacity_ShedsWith503WithinConnectionTimeout()
    {
        // Its own portal (on its own containers): the suite's portal keeps its normal pool.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await using var environment = await PortalEnvironment.StartAsync(PerfSettings.Current, PoolExhaustion.Settings, timeout.Token);

        await PerfTest.Create("stress-pool")
            .Target(environment.System)
            .Parameter("pool", "2 connections, 100 ms per lease, 1 s connection timeout")
            .WithHttp(http => http.MaxConnectionsPerServer = 256)
            .Run(new PoolExhaustion(40, PoolHold))
            .RunAsync();
    }
}
