using System.Collections.Concurrent;
using PerfTests;

namespace PerfTests.Failover.Measurement;

/// <summary>
/// Every request of a drill by the moment it was meant to start, with its latency from that moment
/// (no coordinated omission), so latency can be judged over the requests that STARTED inside a
/// window such as the outage. The engine's timeline files requests under the second they finish
/// and keeps a p95 per second (20 samples at 20/s); this log keeps 16 bytes per request instead,
/// bounded by the drill's rate and length (20/s for 6 minutes: about 115 KiB).
/// </summary>
public sealed class StartedRequestLog(TimeProvider timeProvider)
{
    private readonly ConcurrentQueue<(long StartedAtUtcTicks, long LatencyUs)> _entries = new();

    /// <summary>Requests recorded so far.</summary>
    public int Count => _entries.Count;

    /// <summary>Records a request that was meant to start at <paramref name="startedAt"/> and took <paramref name="latency"/>.</summary>
    public void Record(DateTimeOffset startedAt, TimeSpan latency) =>
        _entries.Enqueue((startedAt.UtcTicks, Math.Max(0, (long)latency.TotalMicroseconds)));

    /// <summary>
    /// Creates the single step of a scenario whose requests are recorded: each finished request (ok
    /// or failed, thrown included) from the iteration's intended start. Requests cut short by the end
    /// of the run are not recorded: they never finished.
    /// </summary>
    /// <param name="name">Step name.</param>
    /// <param name="run">The request.</param>
    public Step Step(string name, Func<StepContext, ValueTask<StepResult>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return PerfTests.Step.Create(name, async ctx =>
        {
            try
            {
                return await run(ctx).ConfigureAwait(false);
            }
            finally
            {
                if (!ctx.CancellationToken.IsCancellationRequested)
                {
                    RecordSince(ctx.IntendedStartTimestamp);
                }
            }
        });
    }

    /// <summary>
    /// Shortest window "during the failover": a failover that recovers at once (a balancer retrying on
    /// the survivor) must still be judged on the requests right after the failure, or the window holds
    /// none and the budget reads "not enough data". 10 s.
    /// </summary>
    public static readonly TimeSpan MinimumFailoverWindow = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Latency of the requests meant to start from <paramref name="failureAt"/> until the recovery point,
    /// but for at least <see cref="MinimumFailoverWindow"/>; until the end when not recovered (null).
    /// </summary>
    public WindowLatency ComputeDuringFailover(DateTimeOffset failureAt, DateTimeOffset? recoveredAt) =>
        Compute(failureAt, recoveredAt is { } r ? (r > failureAt + MinimumFailoverWindow ? r : failureAt + MinimumFailoverWindow) : null);

    /// <summary>Latency of the requests meant to start in [<paramref name="from"/>, <paramref name="to"/>) (null: until the end).</summary>
    public WindowLatency Compute(DateTimeOffset from, DateTimeOffset? to) =>
        WindowLatency.Compute(_entries.Where(e => e.StartedAtUtcTicks >= from.UtcTicks && (to is null || e.StartedAtUtcTicks < to.Value.UtcTicks)).Select(e => e.LatencyUs));

    private void RecordSince(long intendedTimestamp)
    {
        var latency = timeProvider.GetElapsedTime(intendedTimestamp);
        Record(timeProvider.GetUtcNow() - latency, latency);
    }
}
