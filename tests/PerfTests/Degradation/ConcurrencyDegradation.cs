using PerfTests.Load.Http;
using PerfTests.Load.Results;
using PerfTests.Load.Running;
using PerfTests;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Degradation;

/// <summary>
/// Seed 001 "4+ users with &lt; 5% degradation vs a single user": a closed model, 1 user then 4 users
/// on the same endpoint (a database-backed page of clients), with seed 004's think time (1-5 s,
/// scaled by DurationScale) between requests. Only the request step is compared, not the think time.
/// </summary>
internal static class ConcurrencyDegradation
{
    /// <summary>Scenario of the single user; budgets/degradation.yaml puts the comparison here.</summary>
    public const string Single = "single-user";

    /// <summary>Scenario of the concurrent users.</summary>
    public const string Concurrent = "four-users";

    /// <summary>Concurrent users (seed 001: "4+").</summary>
    public const int Users = 4;

    /// <summary>The step compared.</summary>
    public const string StepName = "clients-list";

    /// <summary>Runs both phases one after the other and compares p50 and p95 of the request step.</summary>
    /// <param name="baseAddress">The portal.</param>
    /// <param name="phase">Length of each phase.</param>
    /// <param name="thinkScale">Scale of the 1-5 s think time (the run's DurationScale).</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static async Task<(LoadRunResult Run, QuantileComparison P50, QuantileComparison P95, LoadRunMeasurements Measurements)> RunAsync(
        Uri baseAddress, TimeSpan phase, double thinkScale, CancellationToken cancellationToken)
    {
        using var http = new HttpStepClient(new HttpStepOptions { MaxConnectionsPerServer = 16 });
        var steps = new PortalSteps(http, baseAddress);
        var single = Scenario.Create(Single, steps.ClientsList(), Think(thinkScale))
            .WithWarmUp(TimeSpan.FromSeconds(3))
            .WithLoadSimulations(LoadSimulation.ConstantConcurrency(1, phase), LoadSimulation.Pause(phase));
        // Same warm-up (holding its first stage, a pause): the phases then never overlap.
        var concurrent = Scenario.Create(Concurrent, steps.ClientsList(), Think(thinkScale))
            .WithWarmUp(TimeSpan.FromSeconds(3))
            .WithLoadSimulations(LoadSimulation.Pause(phase), LoadSimulation.ConstantConcurrency(Users, phase));
        var run = await LoadRunner.RunAsync([single, concurrent], new LoadRunnerOptions { Progress = ProgressMode.Never }, cancellationToken).ConfigureAwait(false);

        var baseline = run[Single].Steps.First(s => s.Name == StepName).Latency;
        var loaded = run[Concurrent].Steps.First(s => s.Name == StepName).Latency;
        var p50 = QuantileComparison.Compare(baseline, loaded, 50);
        var p95 = QuantileComparison.Compare(baseline, loaded, 95);
        var measurements = new LoadRunMeasurements(run)
            .WithMetric(Single, "p50_degradation", p50.ConfidentDegradation)
            .WithMetric(Single, "p95_degradation", p95.ConfidentDegradation);
        return (run, p50, p95, measurements);
    }

    // Deterministic think time from the invocation number, uniform-ish over 1-5 s before scaling.
    private static Step Think(double scale) => Step.Create("think", async ctx =>
    {
        var seconds = 1 + ((ctx.InvocationNumber * 7919 + ctx.WorkerId * 104729) % 4001) / 1000.0;
        await Task.Delay(TimeSpan.FromSeconds(seconds * scale), ctx.CancellationToken).ConfigureAwait(false);
        return StepResult.Ok();
    });
}
