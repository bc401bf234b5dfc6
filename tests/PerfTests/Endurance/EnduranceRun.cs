using PerfTests.Load.Http;
using PerfTests.Load.Results;
using PerfTests.Load.Running;
using PerfTests.Load.Scenarios;
using PerfTests.Load.Simulations;
using PerfTests.NUnit;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Endurance;

/// <summary>Steady load with memory sampling, analysed for drift and growth; reused by the Integration tests.</summary>
internal static class EnduranceRun
{
    /// <summary>Scenario name; budgets/endurance.yaml judges it.</summary>
    public const string ScenarioName = "portal-mix";

    /// <summary>Iterations per second (each reads a page, a client and a portfolio's IRR: 3 requests).</summary>
    public const double PerSecond = 25;

    /// <summary>Growth tolerated before it is called a leak (MB/h): the engine's own timeline and warm caches grow a little.</summary>
    public const double ToleratedGrowthMbPerHour = 100;

    /// <summary>Runs steady load for <paramref name="hold"/> and analyses it.</summary>
    public static async Task<(LoadRunResult Run, EnduranceVerdict Verdict, LoadRunMeasurements Measurements)> RunAsync(
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

        // Ten intervals at least, a minute at most: enough points for a slope on PR, hourly detail nightly.
        var interval = TimeSpan.FromSeconds(Math.Clamp(hold.TotalSeconds / 10, 5, 60));
        var verdict = EnduranceAnalysis.Analyse(run[ScenarioName].Timeline, sampler.Samples, interval, ToleratedGrowthMbPerHour);
        var measurements = new LoadRunMeasurements(run)
            .WithMetric(ScenarioName, "p95_drift", verdict.P95DriftOverRunMs)
            .WithMetric(ScenarioName, "heap_growth_mb_per_hour", verdict.HeapGrowthMbPerHour)
            .WithMetric(ScenarioName, "leak_confidence", verdict.LeakConfidence);
        return (run, verdict, measurements);
    }
}
