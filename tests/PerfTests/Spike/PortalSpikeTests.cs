using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Spike;

/// <summary>
/// Spike (seed 004: sudden jump, then recover): a x10 burst on an open model, judged on the burst
/// itself, dropped iterations and the time the steady load takes to get back within budget; and the
/// downstream circuit breaker opening and closing while WireMock slows the market-prices service.
/// </summary>
[PerfSuite(PerfCategories.Spike)]
public sealed class PortalSpikeTests : PortalSuite
{
    /// <summary>The breaker needs 10 attempts in its 10 s window and stays open 5 s: below ~30 s nothing can be shown.</summary>
    private static readonly TimeSpan ShortestBreakerHold = TimeSpan.FromSeconds(30);

    [Test]
    [Story("A x10 burst is absorbed and latency recovers to budget within the allowed time")]
    public Task TenfoldBurst_OnSteadyLoad_RecoversWithinBudget()
    {
        // The plan's phases are scaled here (recovery is measured against them), so the run is not scaled again.
        var plan = SpikePlan.Default(PerfSettings.Current.Scale);
        return PerfTest.Create("spike")
            .Target(Portal.System)
            .Parameter("plan", plan.ToString())
            .WithHttp(http => http.MaxConnectionsPerServer = 256)
            .Unscaled()
            .Run(new SpikeRun(plan))
            .RunAsync();
    }

    [Test]
    [Story("A slow downstream opens the valuation circuit breaker; it closes again once the downstream is healthy")]
    public Task SlowDownstream_DuringValuationLoad_BreakerOpensThenCloses()
    {
        var scaled = PerfSettings.Current.Scale(TimeSpan.FromSeconds(120));
        var hold = scaled > ShortestBreakerHold ? scaled : ShortestBreakerHold;
        return PerfTest.Create("spike-breaker")
            .Target(Portal.System)
            .Parameter("hold", hold)
            .WithHttp(http => http.MaxConnectionsPerServer = 64)
            .Unscaled()
            .Run(new BreakerRun(Portal, hold))
            .RunAsync();
    }
}
