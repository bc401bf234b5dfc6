using System.Collections.Concurrent;

namespace PerfTests.Failover.Measurement;

/// <summary>
/// Every write the load saw acknowledged, with its time: the ground truth for RPO. The load calls
/// <see cref="NextSequence"/> before writing and <see cref="Acknowledge"/> only after a success answer.
/// </summary>
public sealed class AcknowledgedWriteLog(TimeProvider timeProvider)
{
    private readonly ConcurrentQueue<AcknowledgedWrite> _writes = new();
    private long _sequence;

    /// <summary>Writes acknowledged so far.</summary>
    public int Count => _writes.Count;

    /// <summary>A new unique record number (1, 2, 3... across all workers).</summary>
    public long NextSequence() => Interlocked.Increment(ref _sequence);

    /// <summary>Records that the system acknowledged the write of <paramref name="key"/>.</summary>
    public AcknowledgedWrite Acknowledge(long sequence, string key, long? systemId)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var write = new AcknowledgedWrite(sequence, key, systemId, timeProvider.GetUtcNow());
        _writes.Enqueue(write);
        return write;
    }

    /// <summary>Snapshot ordered by acknowledgement time.</summary>
    public IReadOnlyList<AcknowledgedWrite> Snapshot() => _writes.OrderBy(w => w.AcknowledgedAt).ThenBy(w => w.Sequence).ToList();
}
