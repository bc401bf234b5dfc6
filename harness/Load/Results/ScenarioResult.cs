namespace PerfTests.Load.Results;

/// <summary>Immutable result of one scenario: iterations, latency (corrected and not), steps, timeline.</summary>
public sealed record ScenarioResult
{
    /// <summary>Scenario name.</summary>
    public required string Name { get; init; }

    /// <summary>Measured duration (warm-up excluded; shorter when cancelled).</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>
    /// Warm-up run before measuring (default none): the timeline's second 1 starts this long after the
    /// run's <see cref="LoadRunResult.StartedAt"/>, so marks given in clock time are placed by it.
    /// </summary>
    public TimeSpan WarmUp { get; init; }

    /// <summary>
    /// Auto warm-up only (null otherwise): steady when the warm-up ended because its per-second p95 got steady
    /// (MSER-5), not steady when it ran to its cap without settling.
    /// </summary>
    public SteadyState.SteadyStateResult? WarmUpSteadiness { get; init; }

    /// <summary>
    /// Latency of SUCCESSFUL iterations from the INTENDED start time (open model: the scheduled arrival, so queueing
    /// behind a stalled system is counted; closed model: equals the actual start). Use this one.
    /// </summary>
    public required LatencyStats Latency { get; init; }

    /// <summary>
    /// Corrected latency of FAILED iterations, apart from <see cref="Latency"/> (successful only), as k6 keeps
    /// <c>expected_response:false</c> apart: a refused connection answered in 1 ms must not make p95 look good.
    /// </summary>
    public LatencyStats FailedLatency { get; init; } = LatencyStats.Empty;

    /// <summary>Iteration latency from the ACTUAL start (what tools with coordinated omission report).</summary>
    public required LatencyStats UncorrectedLatency { get; init; }

    /// <summary>Iterations where every step succeeded.</summary>
    public required long OkCount { get; init; }

    /// <summary>Iterations stopped by a failed step.</summary>
    public required long FailCount { get; init; }

    /// <summary>Arrivals that never started for lack of capacity (k6 <c>dropped_iterations</c>).</summary>
    public required long DroppedCount { get; init; }

    /// <summary>
    /// Iterations the runner cut short (run cancelled, or still running after the graceful stop):
    /// neither ok nor failed, counted so that ok + failed + dropped + interrupted covers every start.
    /// </summary>
    public required long InterruptedCount { get; init; }

    /// <summary>Bytes reported by all steps.</summary>
    public required long Bytes { get; init; }

    /// <summary>Finished iterations per second over <see cref="Duration"/>.</summary>
    public required double RequestsPerSecond { get; init; }

    /// <summary>Bytes per second over <see cref="Duration"/>.</summary>
    public required double BytesPerSecond { get; init; }

    /// <summary>Counts by status over all steps.</summary>
    public required IReadOnlyDictionary<string, long> StatusCodes { get; init; }

    /// <summary>Per-step statistics, in step order.</summary>
    public required IReadOnlyList<StepStats> Steps { get; init; }

    /// <summary>One point per measured second.</summary>
    public required IReadOnlyList<TimelinePoint> Timeline { get; init; }

    /// <summary>The latency histogram of each second of <see cref="Timeline"/>, to judge any window of the run.</summary>
    public LatencyIntervals Intervals { get; init; } = LatencyIntervals.Empty;

    /// <summary>Total iterations finished (ok + failed).</summary>
    public long RequestCount => OkCount + FailCount;

    /// <inheritdoc />
    public override string ToString() => ResultFormatter.Format(this);
}
