namespace PerfTests.Load.Sharding;

/// <summary>What a shard's output says about the run beyond its measurements: the commit, the test, and the budget it is judged by once merged.</summary>
public sealed record ShardLabels
{
    /// <summary>The commit the shard ran; shards of one run ran the same.</summary>
    public string? Commit { get; init; }

    /// <summary>The test's full name; shards of one run ran the same test.</summary>
    public string? Test { get; init; }

    /// <summary>The test's fixture class (full name): with <see cref="TestName"/> it names the merged run's saved summary as the single run names its own.</summary>
    public string? Fixture { get; init; }

    /// <summary>The test's name (method name with its arguments).</summary>
    public string? TestName { get; init; }

    /// <summary>The test's budget, <c>budgets/&lt;name&gt;.yaml</c>; null when it has none.</summary>
    public string? Budget { get; init; }

    /// <summary>The budget's scenarios the test is judged by (a test of one page of a shared budget); empty: all of the file.</summary>
    public IReadOnlyList<string> BudgetScenarios { get; init; } = [];
}
