namespace PerfTests;

/// <summary>
/// One stage of load. Stages of a scenario run one after another (warm-up, ramp, hold, spike,
/// recover, cool-down); ramps start from the level the previous stage ended at (0 at the start).
/// </summary>
public sealed record LoadSimulation
{
    private LoadSimulation(SimulationKind kind, TimeSpan during, double target, double min = 0, TimeSpan interval = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(during, TimeSpan.Zero);
        if (double.IsNaN(target) || target < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "Load level must be >= 0.");
        }

        Kind = kind;
        During = during;
        Target = target;
        Min = min;
        Interval = interval;
    }

    /// <summary>The stage's shape.</summary>
    public SimulationKind Kind { get; }

    /// <summary>How long the stage lasts.</summary>
    public TimeSpan During { get; }

    /// <summary>Virtual users (closed) or arrivals per second (open) at the end of the stage; the max for random.</summary>
    public double Target { get; }

    /// <summary>Minimum rate per second (random rate only).</summary>
    public double Min { get; }

    /// <summary>How often a random rate is redrawn (random rate only).</summary>
    public TimeSpan Interval { get; }

    /// <summary>True for open-model (arrival rate) stages.</summary>
    public bool IsOpen => Kind is SimulationKind.ConstantRate or SimulationKind.RampingRate or SimulationKind.RandomRate;

    /// <summary>Closed model (k6 constant-vus): <paramref name="virtualUsers"/> loop for <paramref name="during"/>.</summary>
    public static LoadSimulation ConstantConcurrency(int virtualUsers, TimeSpan during) =>
        new(SimulationKind.ConstantConcurrency, during, virtualUsers);

    /// <summary>Closed model (k6 ramping-vus): ramp linearly to <paramref name="virtualUsers"/> over <paramref name="during"/>.</summary>
    public static LoadSimulation RampingConcurrency(int virtualUsers, TimeSpan during) =>
        new(SimulationKind.RampingConcurrency, during, virtualUsers);

    /// <summary>Open model (k6 constant-arrival-rate): <paramref name="perSecond"/> arrivals/s; fractions allowed (0.5 = one every 2 s).</summary>
    public static LoadSimulation ConstantRate(double perSecond, TimeSpan during) =>
        new(SimulationKind.ConstantRate, during, perSecond);

    /// <summary>NBomber's Inject: <paramref name="rate"/> arrivals every <paramref name="interval"/>, spread evenly.</summary>
    public static LoadSimulation Inject(int rate, TimeSpan interval, TimeSpan during) =>
        ConstantRate(rate / PositiveSeconds(interval), during);

    /// <summary>Open model (k6 ramping-arrival-rate): ramp linearly to <paramref name="perSecond"/> over <paramref name="during"/>.</summary>
    public static LoadSimulation RampingRate(double perSecond, TimeSpan during) =>
        new(SimulationKind.RampingRate, during, perSecond);

    /// <summary>
    /// Open model (NBomber InjectRandom): every <paramref name="interval"/> a rate uniformly drawn in
    /// [<paramref name="minPerSecond"/>, <paramref name="maxPerSecond"/>] (seeded by the scenario, so runs repeat).
    /// </summary>
    public static LoadSimulation RandomRate(double minPerSecond, double maxPerSecond, TimeSpan interval, TimeSpan during)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minPerSecond);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerSecond, minPerSecond);
        PositiveSeconds(interval);
        return new(SimulationKind.RandomRate, during, maxPerSecond, minPerSecond, interval);
    }

    /// <summary>
    /// This stage lasting <paramref name="factor"/> times as long, at the same level (a random rate keeps
    /// its redraw interval). How a profile's duration scale shortens or stretches a test.
    /// </summary>
    public LoadSimulation ScaleDuration(double factor)
    {
        if (!double.IsFinite(factor) || factor <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "A duration scale must be a number > 0.");
        }

        // At least a tick: a stage scaled to nothing would be refused by the constructor.
        var during = TimeSpan.FromTicks(Math.Max(1, (long)Math.Round(During.Ticks * factor)));
        return new LoadSimulation(Kind, during, Target, Min, Interval);
    }

    /// <summary>No load for <paramref name="during"/>.</summary>
    public static LoadSimulation Pause(TimeSpan during) => new(SimulationKind.Pause, during, 0);

    private static double PositiveSeconds(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return interval.TotalSeconds;
    }
}
