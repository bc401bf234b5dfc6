namespace PerfTests.Budgets;

/// <summary>What a metric with too few samples (or none) counts as. YAML: <c>on_insufficient_data</c>.</summary>
public enum InsufficientDataPolicy
{
    /// <summary>Fails the test (default: a p99 from 10 samples proves nothing).</summary>
    Fail,

    /// <summary>Reports a warning.</summary>
    Warn,

    /// <summary>Listed as skipped; neither passes nor fails.</summary>
    Ignore,
}
