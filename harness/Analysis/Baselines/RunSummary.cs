namespace PerfTests.Analysis.Baselines;

/// <summary>
/// Compact, versioned result of one run (JSON, a few KB per scenario plus the optional histogram log):
/// what a later run is compared against. Create with <see cref="RunSummaryFactory"/>, persist with
/// <see cref="RunSummaryFile"/>.
/// </summary>
public sealed record RunSummary
{
    /// <summary>Format version written by this library.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Format version of this summary (readers refuse newer versions).</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Suite (fixture or budget file) the run belongs to.</summary>
    public required string Suite { get; init; }

    /// <summary>Free label: commit, build number, "baseline"...; null when not given.</summary>
    public string? Label { get; init; }

    /// <summary>When the run started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Interval length of <see cref="ScenarioSummary.IntervalP95Us"/>, seconds.</summary>
    public required double IntervalSeconds { get; init; }

    /// <summary>Zero-based shard index of a sharded run's shard (the manifest a merge checks); null for a whole run.</summary>
    public int? ShardIndex { get; init; }

    /// <summary>How many shards the run had; null for a whole run.</summary>
    public int? ShardCount { get; init; }

    /// <summary>Hash of the load plan (scenarios, stages, warm-up, seed, capacity): equal for the shards of one run.</summary>
    public string? PlanFingerprint { get; init; }

    /// <summary>Machine the run ran on.</summary>
    public string? Host { get; init; }

    /// <summary>True when the run was cancelled (partial result).</summary>
    public bool IsCancelled { get; init; }

    /// <summary>One entry per scenario, in run order.</summary>
    public required IReadOnlyList<ScenarioSummary> Scenarios { get; init; }

    /// <summary>The scenario named <paramref name="name"/>, or null.</summary>
    public ScenarioSummary? Find(string name) => Scenarios.FirstOrDefault(s => s.Name == name);
}
