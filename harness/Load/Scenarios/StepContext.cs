namespace PerfTests;

/// <summary>
/// What a step sees. One instance per worker, reused across iterations (no per-call allocation):
/// do not keep a reference to it after the step returns.
/// </summary>
public sealed class StepContext
{
    internal StepContext(ScenarioContext scenario, int workerId)
    {
        Scenario = scenario;
        WorkerId = workerId;
    }

    /// <summary>The scenario's shared context (name, data prepared by init).</summary>
    public ScenarioContext Scenario { get; }

    /// <summary>Zero-based id of the worker (virtual user) running this iteration.</summary>
    public int WorkerId { get; }

    /// <summary>
    /// When this iteration was meant to start, as a <see cref="TimeProvider.GetTimestamp"/> value of
    /// the runner's clock (open model: its scheduled arrival; closed model: its actual start). Lets a
    /// step attribute its latency to the moment it should have started, as the engine does.
    /// </summary>
    public long IntendedStartTimestamp { get; internal set; }

    /// <summary>How many iterations this worker started before this one (0-based).</summary>
    public long InvocationNumber { get; internal set; }

    /// <summary>Cancelled when the run stops (cancellation or end of graceful stop).</summary>
    public CancellationToken CancellationToken { get; internal set; }
}
