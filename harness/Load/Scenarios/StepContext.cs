namespace PerfTests.Load.Scenarios;

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

    /// <summary>How many iterations this worker started before this one (0-based).</summary>
    public long InvocationNumber { get; internal set; }

    /// <summary>Cancelled when the run stops (cancellation or end of graceful stop).</summary>
    public CancellationToken CancellationToken { get; internal set; }
}
