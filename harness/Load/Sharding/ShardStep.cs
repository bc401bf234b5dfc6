namespace PerfTests.Load.Sharding;

/// <summary>One step of a shard's scenario: its counts (histograms are in <see cref="ShardOutput.HistogramFile"/>).</summary>
public sealed record ShardStep
{
    /// <summary>Step name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Successful calls.</summary>
    public long OkCount { get; init; }

    /// <summary>Failed calls.</summary>
    public long FailCount { get; init; }

    /// <summary>Bytes.</summary>
    public long Bytes { get; init; }

    /// <summary>Counts by status.</summary>
    public IReadOnlyDictionary<string, long> StatusCodes { get; init; } = new Dictionary<string, long>();
}
