using PerfTests.Analysis.Endurance;
using PerfTests.Load.Results;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Endurance;

/// <summary>
/// Steady load for <paramref name="hold"/> (already final: the test runs unscaled) with the process's
/// memory sampled, analysed for latency drift and growth; reused by the Integration tests.
/// </summary>
internal sealed class EnduranceRun(TimeSpan hold) : IWorkload
{
    /// <summary>Scenario name; budgets/endurance.yaml judges it.</summary>
    public const string ScenarioName = "portal-mix";

    /// <summary>Iterations per second (each reads a page, a client and a portfolio's IRR: 3 requests).</summary>
    public const double PerSecond = 25;

    /// <summary>The p95 drift, once run.</summary>
    public DriftReport? Drift { get; private set; }

    /// <summary>The leak verdict, once run.</summary>
    public LeakReport? Leak { get; private set; }

    public async Task RunAsync(PerfRunContext context)
    {
        var steps = new PortalSteps(context.Http);
        var scenario = Scenario.Create(ScenarioName, steps.ClientsList(), steps.ClientDetail(), steps.PortfolioIrr())
            .WithWarmUp(TimeSpan.FromSeconds(5))
            .WithLoadSimulations(LoadSimulation.ConstantRate(PerSecond, hold))
            .WithCapacity(maxWorkers: 100);
        var sampler = new MemorySampler(TimeProvider.System, TimeSpan.FromSeconds(1));
        using var stopSampling = new CancellationTokenSource();
        var sampling = sampler.RunAsync(stopSampling.Token);
        LoadRunResult run;
        try
        {
            run = await context.RunLoadAsync([scenario]);
        }
        finally
        {
            await stopSampling.CancelAsync();
            await sampling;
        }

        var scenarioResult = run[ScenarioName];
        var drift = Drift = EnduranceAnalysis.Drift(scenarioResult, hold);
        var leak = Leak = EnduranceAnalysis.Leak(sampler.Samples, hold);
        // Without enough data Analysis gives no metric (never 0), and the budget then fails on "not measured".
        foreach (var (name, value) in drift.ToMetrics().Concat(leak.ToMetrics()))
        {
            context.Metric(ScenarioName, name, value);
        }

        if (EnduranceAnalysis.DriftOverRunMs(drift, scenarioResult.Duration) is { } overRun)
        {
            context.Metric(ScenarioName, "p95_drift", overRun);
        }

        // The test process hosts the portal AND the load engine: memory growth includes the engine's (small) share.
        context.Note("endurance analysis", $"{drift}{System.Environment.NewLine}{leak} (test process: portal + engine)");
        if (drift.DriftMsPerHour is { } driftPerHour)
        {
            context.Trend("endurance.p95_drift_ms_per_hour", driftPerHour, "ms/h");
        }

        if (leak.GrowthMbPerHour is { } growth)
        {
            context.Trend("endurance.memory_growth_mb_per_hour", growth, "MB/h");
        }
    }
}
