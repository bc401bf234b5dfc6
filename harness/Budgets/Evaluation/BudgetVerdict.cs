namespace PerfTests.Budgets;

/// <summary>
/// The judgement of one metric. Only <see cref="Fail"/> fails a test; <see cref="Warn"/> is
/// reported as a warning; <see cref="Ok"/> (missed the target but within the warn limit) passes
/// and is shown in the table so drift is visible before it becomes a warning.
/// </summary>
public enum BudgetVerdict
{
    /// <summary>Meets the target (or every limit, when there is no target).</summary>
    Pass,

    /// <summary>Misses the target, within the warn limit (or within fail when there is no warn).</summary>
    Ok,

    /// <summary>Breaks the warn limit, within the fail limit; or not enough data with <c>on_insufficient_data: warn</c>.</summary>
    Warn,

    /// <summary>Breaks the fail limit; not enough data (default policy); or the scope was never measured.</summary>
    Fail,

    /// <summary>Not enough data with <c>on_insufficient_data: ignore</c>.</summary>
    Skipped,
}
