namespace PerfTests.Failover.Drills;

/// <summary>
/// What happened when during a drill: phase changes and actions (kill, pause, promote), each
/// stamped by the injected clock so RTO can be measured from the exact moment of failure.
/// Thread-safe: the load and the drill script write from different tasks.
/// </summary>
public sealed class DrillTimeline(TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly List<DrillEvent> _events = [];

    /// <summary>Every entry in the order recorded.</summary>
    public IReadOnlyList<DrillEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return _events.ToArray();
            }
        }
    }

    /// <summary>The phase of the latest entry (<see cref="DrillPhase.Baseline"/> when empty).</summary>
    public DrillPhase CurrentPhase
    {
        get
        {
            lock (_gate)
            {
                return _events.Count == 0 ? DrillPhase.Baseline : _events[^1].Phase;
            }
        }
    }

    /// <summary>Records an entry now; a phase earlier than the current one is refused (phases only move forward).</summary>
    public DrillEvent Record(DrillPhase phase, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        lock (_gate)
        {
            if (_events.Count > 0 && phase < _events[^1].Phase)
            {
                throw new InvalidOperationException($"Phase {phase} cannot follow {_events[^1].Phase}: drill phases only move forward.");
            }

            var entry = new DrillEvent(timeProvider.GetUtcNow(), phase, description);
            _events.Add(entry);
            return entry;
        }
    }

    /// <summary>When <paramref name="phase"/> began (its first entry), or null if it never did.</summary>
    public DateTimeOffset? StartOf(DrillPhase phase)
    {
        lock (_gate)
        {
            return _events.FirstOrDefault(e => e.Phase == phase)?.At;
        }
    }

    /// <summary>The phase in force at <paramref name="at"/> (before the first entry: baseline).</summary>
    public DrillPhase PhaseAt(DateTimeOffset at)
    {
        lock (_gate)
        {
            return _events.LastOrDefault(e => e.At <= at)?.Phase ?? DrillPhase.Baseline;
        }
    }

    /// <summary>One line per entry, offsets in seconds from <paramref name="origin"/>, for reports.</summary>
    public string Format(DateTimeOffset origin) => string.Join(
        System.Environment.NewLine,
        Events.Select(e => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(e.At - origin).TotalSeconds,7:F2}s  {e.Phase,-10}  {e.Description}")));
}
