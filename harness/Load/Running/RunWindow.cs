using PerfTests.Load.SteadyState;

namespace PerfTests.Load.Running;

/// <summary>
/// Where a scenario's schedule is on the clock: its time zero and where measuring starts. Fixed for a
/// fixed warm-up. An auto warm-up (<see cref="Scenario.AutoWarmUp"/>) runs up to its cap, and when the
/// latency got steady before that, <see cref="EndWarmUpAt"/> moves the schedule's time zero back by what
/// is left of the warm-up: the first stage starts at once, on the same schedule, and the warm-up's
/// remaining arrivals are skipped rather than sent late as a burst.
/// </summary>
internal sealed class RunWindow(long startTicks, long measureFromTicks, bool autoWarmUp)
{
    private readonly TaskCompletionSource _warmUpEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long _originalStartTicks = startTicks;
    private long _startTicks = startTicks;
    private long _measureFromTicks = measureFromTicks;
    private long _firstMeasuredArrival;

    /// <summary>Timestamp (TimeProvider ticks) of the schedule's time zero.</summary>
    public long StartTicks => Volatile.Read(ref _startTicks);

    /// <summary>Timestamp where measuring starts (end of warm-up): iterations intended before it are not recorded.</summary>
    public long MeasureFromTicks => Volatile.Read(ref _measureFromTicks);

    /// <summary>True while an auto warm-up may still end early.</summary>
    public bool AutoWarmUp { get; } = autoWarmUp;

    /// <summary>Open model: the first arrival not to send (0 unless an auto warm-up ended early and skipped the rest of it).</summary>
    public long FirstArrivalToSend => Volatile.Read(ref _firstMeasuredArrival);

    /// <summary>Completes when an auto warm-up ends early (never for a fixed one).</summary>
    public Task WarmUpEndedEarly => _warmUpEnded.Task;

    /// <summary>An auto warm-up's verdict at its end: steady (ended early) or not by its cap; null for a fixed warm-up.</summary>
    public SteadyStateResult? WarmUpSteadiness { get; set; }

    /// <summary>How long the warm-up lasted in ticks.</summary>
    public long WarmUpTicks => MeasureFromTicks - _originalStartTicks;

    /// <summary>
    /// Ends the warm-up at <paramref name="nowTicks"/> instead of at its cap. <paramref name="firstArrivalAfterWarmUp"/>
    /// is the schedule's first arrival at or after the cap (open model), where sending resumes.
    /// </summary>
    public void EndWarmUpAt(long nowTicks, long firstArrivalAfterWarmUp)
    {
        var skipped = MeasureFromTicks - nowTicks;
        if (!AutoWarmUp || skipped <= 0)
        {
            return;
        }

        // Order matters to the dispatcher: the new frame first, then the arrival to resume from, then the signal.
        Volatile.Write(ref _startTicks, StartTicks - skipped);
        Volatile.Write(ref _measureFromTicks, nowTicks);
        Volatile.Write(ref _firstMeasuredArrival, firstArrivalAfterWarmUp);
        _warmUpEnded.TrySetResult();
    }
}
