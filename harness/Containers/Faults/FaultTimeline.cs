namespace PerfTests.Containers.Faults;

/// <summary>Every fault change of a run with its timestamp, so results and charts can show when faults were on.</summary>
public sealed class FaultTimeline
{
    private readonly List<FaultTimelineEntry> _entries = [];
    private readonly Lock _gate = new();

    /// <summary>Snapshot of the changes so far, oldest first.</summary>
    public IReadOnlyList<FaultTimelineEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return _entries.ToArray();
            }
        }
    }

    /// <summary>Descriptions of the faults active at <paramref name="at"/>, replayed from the entries.</summary>
    public IReadOnlyList<string> ActiveAt(DateTimeOffset at)
    {
        var active = new List<string>();
        foreach (var entry in Entries.Where(e => e.At <= at))
        {
            switch (entry.Change)
            {
                case FaultChange.Applied: active.Add(entry.Fault); break;
                case FaultChange.Removed: active.Remove(entry.Fault); break;
                case FaultChange.Cleared: active.Clear(); break;
            }
        }

        return active;
    }

    internal void Record(DateTimeOffset at, FaultChange change, string fault)
    {
        lock (_gate)
        {
            _entries.Add(new FaultTimelineEntry(at, change, fault));
        }
    }
}
