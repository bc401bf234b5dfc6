namespace PerfTests.Load.Results;

/// <summary>Immutable result of a whole run.</summary>
public sealed record LoadRunResult
{
    /// <summary>Wall-clock start of the run (from the runner's <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Total duration including warm-up and graceful stop.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>True when the run was stopped by its <see cref="CancellationToken"/>: results are partial.</summary>
    public required bool IsCancelled { get; init; }

    /// <summary>Why the run stopped early on its own (<see cref="Running.LoadRunnerOptions.AbortWhen"/>): results are partial. Null when it was not aborted.</summary>
    public string? AbortReason { get; init; }

    /// <summary>True when the run stopped because its target did not answer (<see cref="Running.LoadRunnerOptions.FailFastAfter"/>); <see cref="AbortReason"/> has the first error.</summary>
    public bool TargetUnreachable { get; init; }

    /// <summary>True when <see cref="AbortReason"/> is set.</summary>
    public bool IsAborted => AbortReason is not null;

    /// <summary>Which share of the load this run was (<see cref="PerfTests.Shard.Whole"/> unless sharded).</summary>
    public Shard Shard { get; init; } = Shard.Whole;

    /// <summary>Hash of the scenarios as given (names, steps, stages, warm-up, seed, capacity): equal for the shards of one run.</summary>
    public string? PlanFingerprint { get; init; }

    /// <summary>One result per scenario, in the order given to the runner.</summary>
    public required IReadOnlyList<ScenarioResult> Scenarios { get; init; }

    /// <summary>The scenario named <paramref name="name"/>.</summary>
    public ScenarioResult this[string name] =>
        Scenarios.FirstOrDefault(s => s.Name == name) ?? throw new KeyNotFoundException($"No scenario named '{name}' in this run.");

    /// <inheritdoc />
    public override string ToString() => ResultFormatter.Format(this);
}
