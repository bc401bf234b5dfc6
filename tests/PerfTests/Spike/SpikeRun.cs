using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Spike;

/// <summary>Steady load plus a burst against the portal; adds the spike's own metric, the time to recover, for the budget.</summary>
/// <param name="plan">The spike's shape, already final (the test runs unscaled: the plan scales itself).</param>
internal sealed class SpikeRun(SpikePlan plan) : IWorkload
{
    /// <summary>Time from the end of the burst until p95 stayed recovered; the whole after-period when it never did.</summary>
    public TimeSpan Recovery { get; private set; }

    /// <summary>Whether the steady load got back within the plan's p95 before the run ended.</summary>
    public bool Recovered { get; private set; }

    public async Task RunAsync(PerfRunContext context)
    {
        var run = await context.RunLoadAsync(SpikeScenarios.Build(new PortalSteps(context.Http), plan), "spike run");
        Recovery = SpikeRecovery.Measure(run[SpikeScenarios.Steady].Timeline, plan, out var recovered);
        Recovered = recovered;
        context.Metric(SpikeScenarios.Steady, "time_to_recover", Recovery.TotalMilliseconds);
        context.Mark(plan.Before, plan.Before + plan.Burst, $"x{plan.Multiplier:0} burst");
        var dropped = run[SpikeScenarios.Burst].DroppedCount;
        await context.Output.WriteLineAsync(recovered
            ? $"Recovered to p95 <= {plan.RecoveredP95.TotalMilliseconds} ms {Recovery.TotalSeconds:0} s after the burst; dropped during the burst: {dropped}"
            : $"NOT recovered within {plan.After.TotalSeconds:0} s after the burst; dropped during the burst: {dropped}");
        context.Trend("spike.time_to_recover_s", Recovery.TotalSeconds, "s");
        context.Trend("spike.dropped", dropped, "iterations");
    }
}
