namespace PerfTests.Load.Sharding;

/// <summary>The manifest of a shard's output (<see cref="ShardOutput.ManifestFile"/>): which run it belongs to, and its counts.</summary>
public sealed record ShardManifest
{
    /// <summary>Format version (<see cref="ShardOutput.FormatVersion"/>).</summary>
    public int FormatVersion { get; init; }

    /// <summary>The test (suite) the shard ran: shards of one run ran the same one.</summary>
    public string? Test { get; init; }

    /// <summary>The test's fixture class (full name), or null: with <see cref="TestName"/> it names the merged run's saved summary, as the single run names its own.</summary>
    public string? Fixture { get; init; }

    /// <summary>The test's name (method name with its arguments), or null.</summary>
    public string? TestName { get; init; }

    /// <summary>The test's budget, <c>budgets/&lt;name&gt;.yaml</c>, that the merge judges the merged run by; null when it has none.</summary>
    public string? Budget { get; init; }

    /// <summary>The budget's scenarios the test is judged by; empty: all of the file.</summary>
    public IReadOnlyList<string> BudgetScenarios { get; init; } = [];

    /// <summary>Zero-based shard index.</summary>
    public int ShardIndex { get; init; }

    /// <summary>How many shards the run has.</summary>
    public int ShardCount { get; init; }

    /// <summary>Hash of the load plan; equal for the shards of one run.</summary>
    public string? PlanFingerprint { get; init; }

    /// <summary>The commit the shard ran.</summary>
    public string? Commit { get; init; }

    /// <summary>Machine (pod, runner) the shard ran on.</summary>
    public string? Host { get; init; }

    /// <summary>When the shard's run started (clock time).</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>The run's duration, warm-up and graceful stop included, seconds.</summary>
    public double DurationSeconds { get; init; }

    /// <summary>True when the shard's run was cancelled.</summary>
    public bool IsCancelled { get; init; }

    /// <summary>Why the shard's run stopped early; null when it did not.</summary>
    public string? AbortReason { get; init; }

    /// <summary>True when the shard's target did not answer.</summary>
    public bool TargetUnreachable { get; init; }

    /// <summary>Each scenario's counts and timeline (histograms are in <see cref="ShardOutput.HistogramFile"/>).</summary>
    public IReadOnlyList<ShardScenario> Scenarios { get; init; } = [];

    /// <summary><c>shard 2/8</c>.</summary>
    public string Name => $"shard {ShardIndex + 1}/{ShardCount}";
}
