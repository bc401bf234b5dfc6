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
/// <param name="Optional">A custom metric the run may not report (then skipped); otherwise an unknown metric fails, naming the known ones.</param>
/// <param name="Abort">Stop the load early once this threshold is lost (k6's abortOnFail); null: judge at the end only.</param>
public sealed record MetricBudget(MetricId Metric, Limit? Target, Limit? Warn, Limit? Fail, SourceLocation Location, bool Optional = false, AbortRule? Abort = null);

/// <summary>k6's <c>abortOnFail</c> with <c>delayAbortEval</c>: once <see cref="Delay"/> of measured load has passed, a lost threshold stops the run.</summary>
/// <param name="Delay">Measured time before the threshold is first checked (early samples are noisy).</param>
public sealed record AbortRule(TimeSpan Delay);
