namespace PerfTests.Budgets;

/// <summary>
/// The frozen limits of one metric in one scope. A k6-style threshold has only <see cref="Fail"/>;
/// tiers may have any of the three. Limits are in the metric's base unit (ms, fraction, /s, count).
/// </summary>
/// <param name="Metric">The metric judged.</param>
/// <param name="Target">Meeting it gives <see cref="BudgetVerdict.Pass"/>; missing it only <see cref="BudgetVerdict.Ok"/>.</param>
/// <param name="Warn">Breaking it gives <see cref="BudgetVerdict.Warn"/>.</param>
/// <param name="Fail">Breaking it gives <see cref="BudgetVerdict.Fail"/>.</param>
/// <param name="Location">Where the budget was written (base or overlay file).</param>
public sealed record MetricBudget(MetricId Metric, Limit? Target, Limit? Warn, Limit? Fail, SourceLocation Location);
