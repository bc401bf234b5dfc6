namespace PerfTests.Budgets;

/// <summary>
/// Judges measurements against a budget (post-run, separate from load-time validation). A value
/// with too few samples is never judged: it becomes "not enough data" and follows the scope's
/// <see cref="InsufficientDataPolicy"/>, so a p99 of 10 samples can never pass as a 0.
/// </summary>
public static class BudgetEvaluator
{
    /// <summary>Evaluates every metric of every scope.</summary>
    public static BudgetReport Evaluate(Budget budget, IMeasurements measurements)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(measurements);
        var conclusions = new List<BudgetConclusion>();
        foreach (var scope in budget.Scopes)
        {
            var measured = measurements.Find(scope.Scenario, scope.Step);
            foreach (var metric in scope.Metrics)
            {
                conclusions.Add(measured is null
                    ? new BudgetConclusion(scope.Name, metric, double.NaN, BudgetVerdict.Fail, 0, 0, "no measurements for this scope")
                    : Judge(scope, metric, measured));
            }
        }

        return new BudgetReport(budget, conclusions.AsReadOnly());
    }

    private static BudgetConclusion Judge(ScopeBudget scope, MetricBudget budget, IScopeMeasurements m)
    {
        var (actual, samples, required) = Measure(budget.Metric, scope.MinSamples, m);
        if (samples < required || double.IsNaN(actual))
        {
            var verdict = scope.OnInsufficientData switch
            {
                InsufficientDataPolicy.Warn => BudgetVerdict.Warn,
                InsufficientDataPolicy.Ignore => BudgetVerdict.Skipped,
                _ => BudgetVerdict.Fail,
            };
            var note = double.IsNaN(actual) && samples >= required
                ? "not enough data: not measured"
                : $"not enough data: {samples} samples, {budget.Metric.Name} needs >= {required}";
            return new BudgetConclusion(scope.Name, budget, double.NaN, verdict, samples, required, note);
        }

        return new BudgetConclusion(scope.Name, budget, actual, Compare(budget, actual), samples, required, string.Empty);
    }

    internal static BudgetVerdict Compare(MetricBudget budget, double actual)
    {
        if (budget.Fail is { } fail && !fail.Holds(actual))
        {
            return BudgetVerdict.Fail;
        }

        if (budget.Warn is { } warn && !warn.Holds(actual))
        {
            return BudgetVerdict.Warn;
        }

        return budget.Target is { } target && !target.Holds(actual) ? BudgetVerdict.Ok : BudgetVerdict.Pass;
    }

    private static (double Actual, long Samples, long Required) Measure(MetricId metric, long minSamples, IScopeMeasurements m)
    {
        var latencySamples = m.LatencySampleCount;
        var requests = m.RequestCount;
        var atLeastOne = Math.Max(1, minSamples);
        return metric.Kind switch
        {
            MetricKind.Percentile => (m.LatencyAtPercentileMs((double)metric.Percentile), latencySamples, Math.Max(metric.MinimumSamples, minSamples)),
            MetricKind.Mean => (m.MeanLatencyMs, latencySamples, atLeastOne),
            MetricKind.Max => (m.MaxLatencyMs, latencySamples, atLeastOne),
            MetricKind.StdDev => (m.StdDevLatencyMs, latencySamples, Math.Max(2, minSamples)),
            MetricKind.ErrorRate => (requests == 0 ? double.NaN : (double)m.FailureCount / requests, requests, atLeastOne),
            MetricKind.RequestsPerSecond => (m.RequestsPerSecond, requests, minSamples),
            MetricKind.BytesPerSecond => (m.BytesPerSecond, requests, minSamples),
            MetricKind.Dropped => (m.DroppedCount, requests, minSamples),
            MetricKind.Failures => (m.FailureCount, requests, minSamples),
            MetricKind.Requests => (requests, requests, 0),
            _ => (m.Metric(metric.CustomName) ?? double.NaN, requests, minSamples),
        };
    }
}
