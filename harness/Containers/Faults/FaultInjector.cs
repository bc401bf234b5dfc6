namespace PerfTests.Containers.Faults;

/// <summary>
/// Switches faults on the downstream stub while a test runs, imperatively (<see cref="Apply"/>,
/// <see cref="Remove"/>, <see cref="Clear"/>) or on a schedule (<see cref="Schedule"/>). Every change
/// lands on <see cref="Timeline"/>. Thread-safe; random draws come from one seeded generator so a run
/// with the same seed and request order injects the same faults.
/// </summary>
public sealed class FaultInjector
{
    private readonly List<Fault> _active = [];
    private readonly Lock _gate = new();
    private readonly Random _random;

    internal FaultInjector(TimeProvider timeProvider, int seed)
    {
        TimeProvider = timeProvider;
        _random = new Random(seed);
    }

    /// <summary>Changes of the active faults, with timestamps.</summary>
    public FaultTimeline Timeline { get; } = new();

    /// <summary>Snapshot of the faults currently on, in the order applied.</summary>
    public IReadOnlyList<Fault> Active
    {
        get
        {
            lock (_gate)
            {
                return _active.ToArray();
            }
        }
    }

    internal TimeProvider TimeProvider { get; }

    /// <summary>Turns <paramref name="fault"/> on, in addition to the faults already on.</summary>
    public void Apply(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            _active.Add(fault);
            Timeline.Record(TimeProvider.GetUtcNow(), FaultChange.Applied, fault.Description);
        }
    }

    /// <summary>Turns <paramref name="fault"/> off; false when it was not on.</summary>
    public bool Remove(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            if (!_active.Remove(fault))
            {
                return false;
            }

            Timeline.Record(TimeProvider.GetUtcNow(), FaultChange.Removed, fault.Description);
            return true;
        }
    }

    /// <summary>Turns every fault off; the stub answers normally again.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _active.Clear();
            Timeline.Record(TimeProvider.GetUtcNow(), FaultChange.Cleared, string.Empty);
        }
    }

    /// <summary>
    /// Turns <paramref name="fault"/> on at <paramref name="from"/> and off at <paramref name="to"/>, both
    /// measured from now (call it when the load starts). Dispose the handle to cancel; an active fault is then removed.
    /// </summary>
    public IDisposable Schedule(TimeSpan from, TimeSpan to, Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(from, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(to, from);
        return new ScheduledFault(this, fault, from, to);
    }

    /// <summary>Draws what happens to one request: summed delays of the latency/timeout faults hit, then the first other fault hit.</summary>
    internal FaultDecision Decide()
    {
        lock (_gate)
        {
            if (_active.Count == 0)
            {
                return FaultDecision.None;
            }

            var delay = TimeSpan.Zero;
            Fault? action = null;
            foreach (var fault in _active)
            {
                // One draw per active fault, always, so adding a fault does not shift the others' sequence mid-request.
                var hit = _random.NextDouble() < fault.Ratio;
                if (!hit)
                {
                    continue;
                }

                if (fault.Latency is not null)
                {
                    delay += fault.Latency.Sample(_random);
                }
                else
                {
                    action ??= fault;
                }
            }

            return new FaultDecision(delay, action);
        }
    }
}
