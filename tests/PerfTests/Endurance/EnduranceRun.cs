using PerfTests.Analysis.Endurance;
using PerfTests.Load.Http;
using PerfTests.Load.Results;
using PerfTests.Load.Running;
using PerfTests;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Endurance;

/// <summary>Steady load with memory sampling, analysed for drift and growth; reused by the Integration tests.</summary>
internal static class EnduranceRun
{
    /// <summary>Scenario name; budgets/endurance.yaml judges it.</summary>
    public const string ScenarioName = "portal-mix";

    /// <summary>Iterations per second (each reads a page, a client and a portfolio's IRR: 3 requests).</summary>
    public const double PerSecond = 25;

    /// <summary>Runs steady load for <paramref name="hold"/> and analyses it.</summary>
    public static async Task<(LoadRunResult Run, DriftReport Drift, LeakReport Leak, LoadRunMeasurements Measurements)> RunAsync(
        Uri baseAddress, TimeSpan hold, TextWriter? progress, CancellationToken cancellationToken)
    {
        using var http = new HttpStepClient(new HttpStepOptions { MaxConnectionsPerServer = 128 });
        var steps = new PortalSteps(http, baseAddress);
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
            run = await LoadRunner.RunAsync(scenario, new LoadRunnerOptions { ProgressWriter = progress, Progress = progress is null ? ProgressMode.Never : ProgressMode.Auto }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stopSampling.CancelAsync().ConfigureAwait(false);
            await sampling.ConfigureAwait(false);
        }

        var scenarioResult = run[ScenarioName];
        var drift = EnduranceAnalysis.Drift(scenarioResult, hold);
        var leak = EnduranceAnalysis.Leak(sampler.Samples, hold);
        var measurements = new LoadRunMeasurements(run);
        // Without enough data Analysis gives no metric (never 0), and the budget then fails on "not measured".
        foreach (var (name, value) in drift.ToMetrics().Concat(leak.ToMetrics()))
        {
            measurements.WithMetric(ScenarioName, name, value);
        }

        if (EnduranceAnalysis.DriftOverRunMs(drift, scenarioResult.Duration) is { } overRun)
        {
            measurements.WithMetric(ScenarioName, "p95_drift", overRun);
        }

        return (run, drift, leak, measurements);
    }
}
