namespace PerfTests.Budgets;

/// <summary>Every conclusion of one evaluation, in budget order.</summary>
/// <param name="Budget">The budget judged against.</param>
/// <param name="Conclusions">One per metric per scope.</param>
public sealed record BudgetReport(Budget Budget, IReadOnlyList<BudgetConclusion> Conclusions)
{
    /// <summary>Conclusions with <see cref="BudgetVerdict.Fail"/>.</summary>
    public IEnumerable<BudgetConclusion> Failures => Conclusions.Where(c => c.Verdict == BudgetVerdict.Fail);

    /// <summary>Conclusions with <see cref="BudgetVerdict.Warn"/>.</summary>
    public IEnumerable<BudgetConclusion> Warnings => Conclusions.Where(c => c.Verdict == BudgetVerdict.Warn);

    /// <summary>
    /// Conclusions not judged for lack of data under <c>on_insufficient_data: ignore</c> (an optional
    /// custom metric the run did not report is not among them: its absence was allowed by name).
    /// </summary>
    public IEnumerable<BudgetConclusion> Unjudged => Conclusions.Where(c => c.Verdict == BudgetVerdict.Skipped && c.InsufficientData && !c.Budget.Optional);

    /// <summary>Whether any metric failed.</summary>
    public bool Failed => Failures.Any();

    /// <summary>Whether any metric warned.</summary>
    public bool Warned => Warnings.Any();
}
