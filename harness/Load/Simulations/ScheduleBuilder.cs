namespace PerfTests.Load.Simulations;

/// <summary>Turns stages into linear segments, tracking where each ramp starts from.</summary>
internal sealed class ScheduleBuilder
{
    private readonly List<ScheduleSegment> _segments = [];
    private readonly Random _random;
    private double _now;
    private double _arrivals;
    private double _lastVirtualUsers;
    private double _lastRate;

    public ScheduleBuilder(int seed) => _random = new Random(seed);

    /// <summary>Warm-up: the first stage's end level held constant (a ramp from 0 would warm nothing).</summary>
    public void AddWarmUp(LoadSimulation first, TimeSpan warmUp)
    {
        var seconds = warmUp.TotalSeconds;
        switch (first.Kind)
        {
            case SimulationKind.ConstantConcurrency or SimulationKind.RampingConcurrency:
                Append(seconds, SegmentModel.Closed, first.Target, first.Target);
                break;
            case SimulationKind.ConstantRate or SimulationKind.RampingRate:
                Append(seconds, SegmentModel.Open, first.Target, first.Target);
                break;
            case SimulationKind.RandomRate:
                var mid = (first.Min + first.Target) / 2;
                Append(seconds, SegmentModel.Open, mid, mid);
                break;
            default:
                Append(seconds, SegmentModel.Pause, 0, 0);
                break;
        }

        // The measured stages ramp from zero, as they would without a warm-up.
        _lastVirtualUsers = 0;
        _lastRate = 0;
    }

    public void Add(LoadSimulation stage)
    {
        var seconds = stage.During.TotalSeconds;
        switch (stage.Kind)
        {
            case SimulationKind.ConstantConcurrency:
                Append(seconds, SegmentModel.Closed, stage.Target, stage.Target);
                break;
            case SimulationKind.RampingConcurrency:
                Append(seconds, SegmentModel.Closed, _lastVirtualUsers, stage.Target);
                break;
            case SimulationKind.ConstantRate:
                Append(seconds, SegmentModel.Open, stage.Target, stage.Target);
                break;
            case SimulationKind.RampingRate:
                Append(seconds, SegmentModel.Open, _lastRate, stage.Target);
                break;
            case SimulationKind.RandomRate:
                AddRandom(stage);
                break;
            default:
                Append(seconds, SegmentModel.Pause, 0, 0);
                break;
        }
    }

    public ScheduleSegment[] ToArray() => [.. _segments];

    private void AddRandom(LoadSimulation stage)
    {
        var remaining = stage.During.TotalSeconds;
        var interval = stage.Interval.TotalSeconds;
        while (remaining > 1e-9)
        {
            var rate = stage.Min + (_random.NextDouble() * (stage.Target - stage.Min));
            var piece = Math.Min(interval, remaining);
            Append(piece, SegmentModel.Open, rate, rate);
            remaining -= piece;
        }
    }

    private void Append(double seconds, SegmentModel model, double from, double to)
    {
        var segment = new ScheduleSegment(_now, seconds, model, from, to, _arrivals);
        _segments.Add(segment);
        _now += seconds;
        _arrivals += segment.ArrivalsWithin(seconds);
        switch (model)
        {
            case SegmentModel.Closed:
                _lastVirtualUsers = to;
                _lastRate = 0;
                break;
            case SegmentModel.Open:
                _lastRate = to;
                _lastVirtualUsers = 0;
                break;
            default:
                _lastRate = 0;
                _lastVirtualUsers = 0;
                break;
        }
    }
}
