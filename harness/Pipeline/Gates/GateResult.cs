namespace PerfTests.Gates;

/// <summary>What one gate decided.</summary>
/// <param name="Gate">The gate's name.</param>
/// <param name="Verdict">The decision.</param>
/// <param name="Summary">One line for people: what was judged and how it came out.</param>
public sealed record GateResult(string Gate, GateVerdict Verdict, string Summary)
{
    /// <summary>The failure text when <see cref="Verdict"/> is Failed or Reported (its first words decide the Allure category).</summary>
    public string? Failure { get; init; }

    /// <summary>The warning text when <see cref="Verdict"/> is Warned.</summary>
    public string? Warning { get; init; }

    /// <summary>Detail for the report and the job summary (markdown), or null.</summary>
    public string? Markdown { get; init; }

    /// <summary>The gate's own result (a <c>BudgetReport</c>, a <c>BaselineCheck</c>), for exporters and tests.</summary>
    public object? Detail { get; init; }
}
