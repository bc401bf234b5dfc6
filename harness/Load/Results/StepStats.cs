namespace PerfTests.Load.Results;

/// <summary>Immutable statistics of one named step of a scenario.</summary>
public sealed record StepStats
{
    /// <summary>Step name.</summary>
    public required string Name { get; init; }

    /// <summary>Duration distribution of successful invocations (µs, from the step's actual start).</summary>
    public required LatencyStats Latency { get; init; }

    /// <summary>Latency of the step's failed invocations, apart from <see cref="Latency"/> (successful only).</summary>
    public LatencyStats FailedLatency { get; init; } = LatencyStats.Empty;

    /// <summary>Successful invocations.</summary>
    public required long OkCount { get; init; }

    /// <summary>Failed invocations (including thrown exceptions).</summary>
    public required long FailCount { get; init; }

    /// <summary>Bytes reported by the step in total.</summary>
    public required long Bytes { get; init; }

    /// <summary>Counts by status ("200", "503", "TimeoutException", ...).</summary>
    public required IReadOnlyDictionary<string, long> StatusCodes { get; init; }

    /// <summary>Invocations per second over the measured duration.</summary>
    public required double RequestsPerSecond { get; init; }

    /// <summary>Bytes per second over the measured duration.</summary>
    public required double BytesPerSecond { get; init; }
}
