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

    /// <summary>
    /// During a run: the first threshold marked <c>abort_on_fail</c> whose delay has passed and that is
    /// lost on the measurements so far, or null. Not enough data, or a custom metric not reported yet,
    /// never aborts: only a judged breach does.
    /// </summary>
    /// <param name="budget">The run's budget.</param>
    /// <param name="measurements">What the run measured so far.</param>
    /// <param name="measured">Measured load so far (warm-up excluded), compared with each rule's delay.</param>
    public static BudgetConclusion? FindAbort(Budget budget, IMeasurements measurements, TimeSpan measured)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(measurements);
        foreach (var scope in budget.Scopes)
        {
            var due = scope.Metrics.Where(m => m.Abort is { } rule && measured >= rule.Delay).ToList();
            if (due.Count == 0 || measurements.Find(scope.Scenario, scope.Step) is not { } live)
            {
                continue;
            }

            foreach (var metric in due)
            {
                var conclusion = Judge(scope, metric, live);
                if (conclusion is { Verdict: BudgetVerdict.Fail, InsufficientData: false })
                {
                    return conclusion;
                }
            }
        }

        return null;
    }

    private static BudgetConclusion Judge(ScopeBudget scope, MetricBudget budget, IScopeMeasurements m)
    {
        if (budget.Metric.Kind == MetricKind.Custom && m.Metric(budget.Metric.CustomName) is null)
        {
            // A misspelt or missing figure is not "too few samples": it would pass under on_insufficient_data: ignore.
            return budget.Optional
                ? new BudgetConclusion(scope.Name, budget, double.NaN, BudgetVerdict.Skipped, 0, 0, "optional: not reported by this run")
                : new BudgetConclusion(scope.Name, budget, double.NaN, BudgetVerdict.Fail, 0, 0, Unknown(budget.Metric, m));
        }

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

    private static string Unknown(MetricId metric, IScopeMeasurements m)
    {
        var known = m.MetricNames.Order(StringComparer.Ordinal).ToList();
        return $"{metric.Name} is not reported by this run" + (known.Count == 0
            ? " (it reports no custom metrics here)"
            : $"; it reports: {string.Join(", ", known.Take(40))}{(known.Count > 40 ? ", ..." : "")}") + " (mark it optional if it may be absent)";
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
            MetricKind.Min => (m.MinLatencyMs, latencySamples, atLeastOne),
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
