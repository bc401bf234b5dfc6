using System.Collections.Concurrent;

namespace PerfTests;

/// <summary>Shared per-scenario state: set up by init, read by steps, torn down by clean.</summary>
public sealed class ScenarioContext
{
    internal ScenarioContext(string scenarioName, Shard? shard = null)
    {
        ScenarioName = scenarioName;
        Shard = shard ?? Shard.Whole;
    }

    /// <summary>The scenario's name.</summary>
    public string ScenarioName { get; }

    /// <summary>
    /// Which shard of a distributed run this process is (<see cref="Shard.Whole"/> on one machine). Data
    /// that must not collide across shards is partitioned by it: ids prefixed with <see cref="Shard.Number"/>,
    /// feed rows taken where <see cref="Shard.Owns"/>.
    /// </summary>
    public Shard Shard { get; }

    /// <summary>Free-form data shared by init, steps and clean (thread-safe).</summary>
    public ConcurrentDictionary<string, object?> Data { get; } = new(StringComparer.Ordinal);
}
