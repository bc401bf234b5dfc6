using System.Collections.Concurrent;

namespace PerfTests;

/// <summary>Shared per-scenario state: set up by init, read by steps, torn down by clean.</summary>
public sealed class ScenarioContext
{
    internal ScenarioContext(string scenarioName) => ScenarioName = scenarioName;

    /// <summary>The scenario's name.</summary>
    public string ScenarioName { get; }

    /// <summary>Free-form data shared by init, steps and clean (thread-safe).</summary>
    public ConcurrentDictionary<string, object?> Data { get; } = new(StringComparer.Ordinal);
}
