using PerfTests.Containers.Faults;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Spike;

/// <summary>
/// Valuations at 10/s while WireMock slows the market-prices service past the attempt timeout for 10 s:
/// the circuit breaker must open, last known prices keep answering, and the breaker must close again.
/// </summary>
/// <param name="portal">The suite's portal (its downstream stub is where the fault goes).</param>
/// <param name="hold">Length of the load, already final.</param>
internal sealed class BreakerRun(PortalEnvironment portal, TimeSpan hold) : IWorkload
{
    /// <summary>Scenario name; budgets/spike-breaker.yaml judges it.</summary>
    public const string ScenarioName = "valuation-breaker";

    private static readonly TimeSpan SlowFrom = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SlowUntil = SlowFrom + TimeSpan.FromSeconds(10);

    public async Task RunAsync(PerfRunContext context)
    {
        using var metrics = new PortalMetrics(portal.BaseAddress);
        // Primed last known prices (below): a broken downstream then serves stale prices (200), not 503.
        var scenario = Scenario.Create(ScenarioName, new PortalSteps(context.Http).PortfolioValuation())
            .WithWarmUp(TimeSpan.FromSeconds(5))
            .WithLoadSimulations(LoadSimulation.ConstantRate(10, hold))
            .WithCapacity(maxWorkers: 100);
        var primed = await PricePriming.PrimeAsync(portal.BaseAddress, context.CancellationToken);
        await context.Output.WriteLineAsync($"Primed prices with {primed}/{PricePriming.Portfolios} valuations");
        var before = await metrics.ReadAsync(context.CancellationToken);
        var watch = new BreakerWatch(metrics, TimeSpan.FromMilliseconds(250));
        using var stopWatch = new CancellationTokenSource();
        var watching = watch.RunAsync(stopWatch.Token);

        // Attempt timeout is 1 s: a 1.5 s downstream makes every attempt fail by timeout.
        var running = context.RunLoadAsync([scenario]);
        await Task.Delay(TimeSpan.FromSeconds(5), context.CancellationToken); // the warm-up
        using (portal.Faults.Schedule(SlowFrom, SlowUntil, Fault.FixedLatency(TimeSpan.FromMilliseconds(1500))))
        {
            await running;
        }

        await stopWatch.CancelAsync();
        await watching;
        context.Faults(portal.Faults.Timeline);
        var after = await metrics.ReadAsync(CancellationToken.None);
        var opened = PortalMetrics.Number(after, "downstream", "breakerOpened") - PortalMetrics.Number(before, "downstream", "breakerOpened");
        var stale = PortalMetrics.Number(after, "downstream", "staleServed") - PortalMetrics.Number(before, "downstream", "staleServed");
        context.Note("breaker states", $"Breaker: {watch.Describe()}; opened {opened} time(s); stale valuations served {stale}");
        context.Metric(ScenarioName, "breaker_opened", opened);
        context.Metric(ScenarioName, "breaker_closed_at_end", watch.LastState == "Closed" ? 1 : 0);
    }
}
