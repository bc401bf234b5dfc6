namespace PerfTests.Sharding;

/// <summary>How <see cref="ShardMergeCommand.Run"/> judges and reports the merged run.</summary>
public sealed record ShardMergeOptions
{
    /// <summary>
    /// The budget file the merged run is judged by (its overlay is <see cref="PerfSettings.BudgetOverlay"/>), for
    /// shards of one test; null: each test's own, <c>budgets/&lt;name&gt;.yaml</c> as its shards name it, found
    /// as the tests find it (<see cref="PerfSettings.BudgetsFolder"/>, else the nearest <c>budgets/</c> folder up from here).
    /// </summary>
    public string? BudgetFile { get; init; }

    /// <summary>
    /// The settings the tests use, read from the same places (PERF_* variables, the settings file):
    /// BudgetOverlay, BaselineDir and BaselineGate (the baseline gate on the merged summary), SummaryDir
    /// (where the merged summary, the next baseline, is saved), SummaryFile (the markdown), BaselineInterval.
    /// </summary>
    public required PerfSettings Settings { get; init; }

    /// <summary>Folder of the merged run's Allure result; null writes none.</summary>
    public string? AllureResultsDirectory { get; init; }

    /// <summary>How far apart the shards may have started; null: <see cref="Load.Sharding.ShardSet.DefaultStartTolerance"/>.</summary>
    public TimeSpan? StartTolerance { get; init; }
}
