namespace PerfTests.Load.Simulations;

/// <summary>
/// The pure schedule of a scenario: given the elapsed time since the run start it says how many
/// virtual users should be active (closed model) and how many arrivals are due / when arrival k is
/// intended to start (open model). No clock inside; the runner feeds it elapsed time from a
/// <see cref="TimeProvider"/>, tests feed it numbers.
/// </summary>
/// <remarks>
/// Arrival k (0-based) is intended at the instant the cumulative arrival count (integral of the
/// rate) reaches k. So 0.5/s for 10 s gives arrivals at 0, 2, 4, 6, 8 s; fractions carry over
/// from one stage to the next.
/// </remarks>
internal sealed class LoadSchedule
{
    private readonly ScheduleSegment[] _segments;

    private LoadSchedule(ScheduleSegment[] segments, TimeSpan warmUp)
    {
        _segments = segments;
        WarmUp = warmUp;
        var last = segments.Length == 0 ? default : segments[^1];
        TotalDuration = TimeSpan.FromSeconds(last.EndSeconds);
        TotalArrivals = (long)Math.Ceiling(last.ArrivalsBefore + last.ArrivalsWithin(last.DurationSeconds) - 1e-9);
        HasOpenModel = segments.Any(s => s.Model == SegmentModel.Open);
        HasClosedModel = segments.Any(s => s.Model == SegmentModel.Closed);
        MaxConcurrency = segments.Where(s => s.Model == SegmentModel.Closed)
            .Select(s => (int)Math.Ceiling(Math.Max(s.From, s.To))).DefaultIfEmpty(0).Max();
    }

    /// <summary>Warm-up at the start of the schedule (its iterations are not recorded).</summary>
    public TimeSpan WarmUp { get; }

    /// <summary>Warm-up plus all stages.</summary>
    public TimeSpan TotalDuration { get; }

    /// <summary>All arrivals the open-model stages will produce.</summary>
    public long TotalArrivals { get; }

    public bool HasOpenModel { get; }

    public bool HasClosedModel { get; }

    /// <summary>Highest virtual-user count any closed stage reaches.</summary>
    public int MaxConcurrency { get; }

    internal IReadOnlyList<ScheduleSegment> Segments => _segments;

    /// <summary>
    /// Builds the schedule. A warm-up repeats the first stage's end level (constant) for
    /// <paramref name="warmUp"/> before the stages; <paramref name="seed"/> drives random rates.
    /// </summary>
    public static LoadSchedule Build(IReadOnlyList<LoadSimulation> stages, TimeSpan warmUp, int seed)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var builder = new ScheduleBuilder(seed);
        if (warmUp > TimeSpan.Zero && stages.Count > 0)
        {
            builder.AddWarmUp(stages[0], warmUp);
        }

        foreach (var stage in stages)
        {
            builder.Add(stage);
        }

        return new LoadSchedule(builder.ToArray(), warmUp > TimeSpan.Zero && stages.Count > 0 ? warmUp : TimeSpan.Zero);
    }

    /// <summary>Virtual users that should be active at <paramref name="elapsed"/> (0 outside closed stages).</summary>
    public int TargetConcurrency(TimeSpan elapsed)
    {
        var i = Find(elapsed.TotalSeconds);
        if (i < 0 || _segments[i].Model != SegmentModel.Closed)
        {
            return 0;
        }

        var s = _segments[i];
        // Tiny epsilon so 2.9999999 (float noise at a stage boundary) still reads as 3 users.
        return (int)Math.Floor(s.LevelAt(elapsed.TotalSeconds - s.StartSeconds) + 1e-9);
    }

    /// <summary>Arrival rate (per second) at <paramref name="elapsed"/> (0 outside open stages).</summary>
    public double RateAt(TimeSpan elapsed)
    {
        var i = Find(elapsed.TotalSeconds);
        return i < 0 || _segments[i].Model != SegmentModel.Open ? 0 : _segments[i].LevelAt(elapsed.TotalSeconds - _segments[i].StartSeconds);
    }

    /// <summary>Cumulative arrivals (fractional) from the start to <paramref name="elapsed"/>.</summary>
    public double CumulativeArrivals(TimeSpan elapsed)
    {
        var t = elapsed.TotalSeconds;
        if (_segments.Length == 0 || t <= 0)
        {
            return 0;
        }

        if (t >= _segments[^1].EndSeconds)
        {
            var last = _segments[^1];
            return last.ArrivalsBefore + last.ArrivalsWithin(last.DurationSeconds);
        }

        var s = _segments[Find(t)];
        return s.ArrivalsBefore + s.ArrivalsWithin(t - s.StartSeconds);
    }

    /// <summary>Arrivals intended strictly before <paramref name="elapsed"/> (how many are due by then).</summary>
    public long ArrivalsDue(TimeSpan elapsed) =>
        Math.Min(TotalArrivals, (long)Math.Ceiling(CumulativeArrivals(elapsed) - 1e-9));

    /// <summary>Intended start of arrival <paramref name="k"/> (0-based), or null when the schedule has fewer arrivals.</summary>
    public TimeSpan? ArrivalTime(long k)
    {
        if (k < 0 || k >= TotalArrivals)
        {
            return null;
        }

        // Binary search for the last open segment whose ArrivalsBefore <= k.
        int lo = 0, hi = _segments.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_segments[mid].ArrivalsBefore <= k + 1e-9)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        // Skip segments that add no arrivals (pause/closed/zero rate) at the same cumulative count.
        while (found < _segments.Length - 1 && _segments[found].ArrivalsWithin(_segments[found].DurationSeconds) <= k - _segments[found].ArrivalsBefore)
        {
            found++;
        }

        var seg = _segments[found];
        var local = seg.LocalTimeOfArrivals(Math.Max(0, k - seg.ArrivalsBefore));
        return TimeSpan.FromSeconds(seg.StartSeconds + local);
    }

    private int Find(double seconds)
    {
        if (_segments.Length == 0 || seconds < 0 || seconds >= _segments[^1].EndSeconds)
        {
            return -1;
        }

        int lo = 0, hi = _segments.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (_segments[mid].StartSeconds <= seconds)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }
}
