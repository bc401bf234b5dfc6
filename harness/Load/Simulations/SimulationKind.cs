namespace PerfTests;

/// <summary>The shape of one load stage.</summary>
public enum SimulationKind
{
    /// <summary>Closed model: a fixed number of virtual users looping.</summary>
    ConstantConcurrency,

    /// <summary>Closed model: virtual users ramp linearly from the previous stage's level.</summary>
    RampingConcurrency,

    /// <summary>Open model: a fixed arrival rate.</summary>
    ConstantRate,

    /// <summary>Open model: the arrival rate ramps linearly from the previous stage's rate.</summary>
    RampingRate,

    /// <summary>Open model: a random rate between min and max, redrawn every interval (seeded).</summary>
    RandomRate,

    /// <summary>No load.</summary>
    Pause,
}
