using PerfTests.Load.Results;
using PerfTests.Containers.Faults;
using PerfTests.Load.Http;
using PerfTests;
using PerfTests.Reporting.Context;
using PerfTests.Reporting.NUnit;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Spike;

/// <summary>
/// Spike (seed 004: sudden jump, then recover): a x10 burst on an open model, judged on the burst
/// itself, dropped iterations and the time the steady load takes to get back within budget; and the
/// downstream circuit breaker opening and closing while WireMock slows the market-prices service.
/// </summary>
[TestFixture]
[Category(PerfCategories.Spike)]
[Epic("Performance")]
[Feature("Spike")]
public sealed class PortalSpikeTests
{
    [Test]
    [Story("A x10 burst is absorbed and latency recovers to budget within the allowed time")]
    public async Task TenfoldBurst_OnSteadyLoad_RecoversWithinBudget()
    {
        var environment = SpikeSuiteSetUp.Current;
        var plan = SpikePlan.Default(PerfRunSettings.Current.Scale);
        AllureContext.Parameter("plan", plan.ToString());

        var (run, measurements, recovery, recovered) = await AllureContext.StepAsync("spike run", () =>
            SpikeRun.RunAsync(environment.BaseAddress, plan, TestContext.Progress, CancellationToken.None));

        TestContext.Out.WriteLine(run.ToString());
        TestContext.Out.WriteLine(recovered
            ? $"Recovered to p95 <= {plan.RecoveredP95.TotalMilliseconds} ms {recovery.TotalSeconds:0} s after the burst; dropped during the burst: {run[SpikeScenarios.Burst].DroppedCount}"
            : $"NOT recovered within {plan.After.TotalSeconds:0} s after the burst; dropped during the burst: {run[SpikeScenarios.Burst].DroppedCount}");
        AllureContext.Metric("spike.time_to_recover_s", recovery.TotalSeconds, "s", MetricDirection.LowerIsBetter);
        AllureContext.Metric("spike.dropped", run[SpikeScenarios.Burst].DroppedCount, null, MetricDirection.LowerIsBetter);
        SuiteRun.Judge(run, measurements, "spike");
    }

    [Test]
    [Story("A slow downstream opens the valuation circuit breaker; it closes again once the downstream is healthy")]
    public async Task SlowDownstream_DuringValuationLoad_BreakerOpensThenCloses()
    {
        var environment = SpikeSuiteSetUp.Current;
        // The breaker needs 10 attempts in its 10 s window and stays open 5 s: below ~30 s nothing can be shown.
        var hold = Max(PerfRunSettings.Current.Scale(TimeSpan.FromSeconds(120)), TimeSpan.FromSeconds(30));
        var slowFrom = TimeSpan.FromSeconds(5);
        var slowUntil = slowFrom + TimeSpan.FromSeconds(10);
        AllureContext.Parameter("hold", hold);

        using var http = new HttpStepClient(new HttpStepOptions { MaxConnectionsPerServer = 64 });
        using var metrics = new PortalMetrics(environment.BaseAddress);
        var steps = new PortalSteps(http, environment.BaseAddress);
        // Primed last known prices (below): a broken downstream then serves stale prices (200), not 503.
        var scenario = Scenario.Create("valuation-breaker", steps.PortfolioValuation())
            .WithWarmUp(TimeSpan.FromSeconds(5))
            .WithLoadSimulations(LoadSimulation.ConstantRate(10, hold))
            .WithCapacity(maxWorkers: 100);
        var primed = await PricePriming.PrimeAsync(environment.BaseAddress, CancellationToken.None);
        TestContext.Out.WriteLine($"Primed prices with {primed}/{PricePriming.Portfolios} valuations");
        var before = await metrics.ReadAsync(CancellationToken.None);
        var watch = new BreakerWatch(metrics, TimeSpan.FromMilliseconds(250));
        using var stopWatch = new CancellationTokenSource();
        var watching = watch.RunAsync(stopWatch.Token);

        // Attempt timeout is 1 s: a 1.5 s downstream makes every attempt fail by timeout.
        var slow = Fault.FixedLatency(TimeSpan.FromMilliseconds(1500));
        var runTask = SuiteRun.RunAsync([scenario], CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(5)); // the warm-up
        using (environment.Faults.Schedule(slowFrom, slowUntil, slow))
        {
            var run = await runTask;
            await stopWatch.CancelAsync();
            await watching;
            var after = await metrics.ReadAsync(CancellationToken.None);
            var opened = PortalMetrics.Number(after, "downstream", "breakerOpened") - PortalMetrics.Number(before, "downstream", "breakerOpened");
            var stale = PortalMetrics.Number(after, "downstream", "staleServed") - PortalMetrics.Number(before, "downstream", "staleServed");
            TestContext.Out.WriteLine($"Breaker: {watch.Describe()}; opened {opened} time(s); stale valuations served {stale}");
            AllureContext.Attach("breaker states", watch.Describe(), "text/plain", "txt");

            var measurements = new LoadRunMeasurements(run)
                .WithMetric("valuation-breaker", "breaker_opened", opened)
                .WithMetric("valuation-breaker", "breaker_closed_at_end", watch.LastState == "Closed" ? 1 : 0);
            SuiteRun.Judge(run, measurements, "spike-breaker", FaultWindow.Windows(environment.Faults.Timeline, run.StartedAt));
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
