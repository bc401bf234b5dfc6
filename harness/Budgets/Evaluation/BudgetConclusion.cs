namespace PerfTests.Budgets;

/// <summary>The judgement of one metric in one scope, with everything needed to explain it.</summary>
/// <param name="Scope"><c>scenario</c> or <c>scenario/step</c>.</param>
/// <param name="Budget">The limits judged against.</param>
/// <param name="Actual">Measured value in the metric's base unit; NaN when there was none.</param>
/// <param name="Verdict">The judgement.</param>
/// <param name="SampleCount">Samples behind the value (latency samples or requests).</param>
/// <param name="RequiredSamples">Samples needed for the value to count (see <see cref="MetricId.MinimumSamples"/>).</param>
/// <param name="Note">Why, when the verdict is not from comparing limits (not enough data, no measurements); else empty.</param>
public sealed record BudgetConclusion(
    string Scope, MetricBudget Budget, double Actual, BudgetVerdict Verdict, long SampleCount, long RequiredSamples, string Note)
{
    /// <summary>The metric judged.</summary>
    public MetricId Metric => Budget.Metric;

    /// <summary>Whether the verdict comes from missing or too few samples rather than from limits.</summary>
    public bool InsufficientData => Note.Length > 0;

    /// <summary>The actual value with its unit, e.g. <c>212 ms</c>, or <c>n/a</c>.</summary>
    public string ActualText => ValueFormatter.Format(Metric, Actual);

    /// <summary>The limit that decided a warn or fail verdict, e.g. <c>&lt;= 500 ms</c>; empty otherwise.</summary>
    public string BrokenLimitText => Verdict switch
    {
        BudgetVerdict.Fail when !InsufficientData => Budget.Fail?.Format(Metric) ?? string.Empty,
        BudgetVerdict.Warn when !InsufficientData => Budget.Warn?.Format(Metric) ?? string.Empty,
        _ => string.Empty,
    };
}
