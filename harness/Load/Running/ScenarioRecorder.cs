using PerfTests.Load.Histograms;
using PerfTests;

namespace PerfTests.Load.Running;

/// <summary>
/// The engine's recording path (used by the runner and the memory benchmark): iteration latency
/// from the intended start (corrected) and the actual start (uncorrected), per-step stats and
/// counters, all in fixed-size histograms (successful and failed iterations apart), so memory stays flat however many iterations run.
/// </summary>
internal sealed class ScenarioRecorder
{
    private readonly StripeCounters[] _counters;
    private readonly double _microsPerTick;
    private long _dropped;
    private long _interrupted;

    public ScenarioRecorder(IReadOnlyList<string> stepNames, int stripes, long timestampFrequency)
    {
        ArgumentNullException.ThrowIfNull(stepNames);
        Corrected = new StripedRecorder(stripes);
        Uncorrected = new StripedRecorder(stripes);
        FailedCorrected = new StripedRecorder(stripes);
        WarmUp = new StripedRecorder(stripes);
        Steps = [.. stepNames.Select(n => new StepRecorder(n, stripes))];
        _counters = new StripeCounters[stripes];
        _microsPerTick = 1_000_000.0 / timestampFrequency;
    }

    public StripedRecorder Corrected { get; }

    public StripedRecorder Uncorrected { get; }

    /// <summary>Corrected latency of failed iterations, kept apart (k6's expected_response): a refusal in 1 ms is not a fast answer.</summary>
    public StripedRecorder FailedCorrected { get; }

    /// <summary>Corrected latency of successful warm-up iterations (auto warm-up only: what its steadiness is judged on).</summary>
    public StripedRecorder WarmUp { get; }

    public IReadOnlyList<StepRecorder> Steps { get; }

    public long Dropped => Volatile.Read(ref _dropped);

    public long Interrupted => Volatile.Read(ref _interrupted);

    public long ToMicros(long ticks) => (long)(ticks * _microsPerTick);

    public void RecordStep(int workerId, int stepIndex, long elapsedTicks, in StepResult result) =>
        Steps[stepIndex].Record(workerId, ToMicros(elapsedTicks), result);

    /// <summary>Records a finished iteration; tick arguments are TimeProvider timestamps.</summary>
    public void RecordIteration(int workerId, long intendedTicks, long startTicks, long endTicks, bool ok, long bytes)
    {
        if (ok)
        {
            Corrected.Record(workerId, ToMicros(endTicks - intendedTicks));
            Uncorrected.Record(workerId, ToMicros(endTicks - startTicks));
        }
        else
        {
            FailedCorrected.Record(workerId, ToMicros(endTicks - intendedTicks));
        }

        ref var c = ref _counters[(uint)workerId % (uint)_counters.Length];
        Interlocked.Increment(ref ok ? ref c.Ok : ref c.Fail);
        if (bytes != 0)
        {
            Interlocked.Add(ref c.Bytes, bytes);
        }
    }

    public void RecordWarmUp(int workerId, long correctedTicks) => WarmUp.Record(workerId, ToMicros(correctedTicks));

    public void RecordDropped() => Interlocked.Increment(ref _dropped);

    /// <summary>An iteration the runner itself cut short (cancellation, graceful-stop timeout).</summary>
    public void RecordInterrupted() => Interlocked.Increment(ref _interrupted);

    public (long Ok, long Fail, long Bytes, long Dropped) ReadCounters()
    {
        long ok = 0, fail = 0, bytes = 0;
        for (var i = 0; i < _counters.Length; i++)
        {
            ok += Volatile.Read(ref _counters[i].Ok);
            fail += Volatile.Read(ref _counters[i].Fail);
            bytes += Volatile.Read(ref _counters[i].Bytes);
        }

        return (ok, fail, bytes, Dropped);
    }
}
