namespace PerfTests.Load.Simulations;

/// <summary>
/// A piece of the schedule with a linear level: virtual users (closed) or arrivals/s (open),
/// going from <see cref="From"/> to <see cref="To"/>. Times in seconds from the run start.
/// </summary>
internal readonly record struct ScheduleSegment(
    double StartSeconds, double DurationSeconds, SegmentModel Model, double From, double To, double ArrivalsBefore)
{
    public double EndSeconds => StartSeconds + DurationSeconds;

    /// <summary>The level at <paramref name="localSeconds"/> into the segment (linear).</summary>
    public double LevelAt(double localSeconds) => From + ((To - From) * localSeconds / DurationSeconds);

    /// <summary>Arrivals (open model) from the segment start to <paramref name="localSeconds"/>: the integral of the rate.</summary>
    public double ArrivalsWithin(double localSeconds) => Model != SegmentModel.Open
        ? 0
        : (From * localSeconds) + ((To - From) * localSeconds * localSeconds / (2 * DurationSeconds));

    /// <summary>Solves <see cref="ArrivalsWithin"/> = <paramref name="arrivals"/> for the local time.</summary>
    public double LocalTimeOfArrivals(double arrivals)
    {
        var slope = (To - From) / DurationSeconds;
        if (Math.Abs(slope) < 1e-12)
        {
            return arrivals / From;
        }

        // slope/2 * t^2 + From * t - arrivals = 0, the root in [0, duration].
        var root = (-From + Math.Sqrt(Math.Max(0, (From * From) + (2 * slope * arrivals)))) / slope;
        return Math.Clamp(root, 0, DurationSeconds);
    }
}

/// <summary>Which load model a segment belongs to.</summary>
internal enum SegmentModel
{
    Pause,
    Closed,
    Open,
}
