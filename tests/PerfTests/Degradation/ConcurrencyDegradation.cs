using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Degradation;

/// <summary>
/// Seed 001 "4+ users with &lt; 5% degradation vs a single user": a closed model, 1 user then 4 users
/// on the same endpoint (a database-backed page of clients), with seed 004's think time (1-5 s,
/// scaled like the phases) between requests. Only the request step is compared, not the think time.
/// </summary>
/// <param name="phase">Length of each phase at nightly scale (the profile scales it).</param>
/// <param name="thinkScale">Scale of the think time; default the run's own scale (a test run unscaled sets it).</param>
internal sealed class ConcurrencyDegradation(TimeSpan phase, double? thinkScale = null) : IWorkload
{
    /// <summary>Scenario of the single user; budgets/degradation.yaml puts the comparison here.</summary>
    public const string Single = "single-user";

    /// <summary>Scenario of the concurrent users.</summary>
    public const string Concurrent = "four-users";

    /// <summary>Concurrent users (seed 001: "4+").</summary>
    public const int Users = 4;

    /// <summary>The step compared.</summary>
    public const string StepName = "clients-list";

    /// <summary>The p50 comparison, once run.</summary>
    public QuantileComparison? P50 { get; private set; }

    /// <summary>The p95 comparison, once run.</summary>
    public QuantileComparison? P95 { get; private set; }

    /// <summary>Runs both phases one after the other and compares p50 and p95 of the request step.</summary>
    public async Task RunAsync(PerfRunContext context)
    {
        var steps = new PortalSteps(context.Http);
        var think = thinkScale ?? context.Scale(TimeSpan.FromSeconds(1)).TotalSeconds;
        var single = Scenario.Create(Single, steps.ClientsList(), Think(think))
            .WithWarmUp(TimeSpan.FromSeconds(3))
            .WithLoadSimulations(LoadSimulation.ConstantConcurrency(1, phase), LoadSimulation.Pause(phase));
        // Same warm-up (holding its first stage, a pause): the phases then never overlap.
        var concurrent = Scenario.Create(Concurrent, steps.ClientsList(), Think(think))
            .WithWarmUp(TimeSpan.FromSeconds(3))
            .WithLoadSimulations(LoadSimulation.Pause(phase), LoadSimulation.ConstantConcurrency(Users, phase));
        var run = await context.RunLoadAsync([single, concurrent], "1 user, then 4 users", progress: false);

        var baseline = run[Single].Steps.First(s => s.Name == StepName).Latency;
        var loaded = run[Concurrent].Steps.First(s => s.Name == StepName).Latency;
        P50 = QuantileComparison.Compare(baseline, loaded, 50);
        P95 = QuantileComparison.Compare(baseline, loaded, 95);
        context.Metric(Single, "p50_degradation", P50.ConfidentDegradation);
        context.Metric(Single, "p95_degradation", P95.ConfidentDegradation);
        context.Note("degradation", P50.Describe() + System.Environment.NewLine + P95.Describe());
    }

    // Deterministic think time from the invocation number, uniform-ish over 1-5 s before scaling.
    private static Step Think(double scale) => Step.Create("think", async ctx =>
    {
        var seconds = 1 + ((ctx.InvocationNumber * 7919 + ctx.WorkerId * 104729) % 4001) / 1000.0;
        await Task.Delay(TimeSpan.FromSeconds(seconds * scale), ctx.CancellationToken).ConfigureAwait(false);
        return StepResult.Ok();
    });
}
