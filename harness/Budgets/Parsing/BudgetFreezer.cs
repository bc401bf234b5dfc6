namespace PerfTests.Budgets;

/// <summary>Turns validated options into the immutable <see cref="Budget"/>, resolving inherited settings.</summary>
internal static class BudgetFreezer
{
    public static Budget Freeze(BudgetFileOptions options, string? overlay, IReadOnlyList<string> files)
    {
        var policy = options.OnInsufficientData ?? InsufficientDataPolicy.Fail;
        var minSamples = options.MinSamples ?? 0;
        var scopes = new List<ScopeBudget>();
        foreach (var scenario in options.Scenarios.Values)
        {
            var scenarioPolicy = scenario.OnInsufficientData ?? policy;
            var scenarioMin = scenario.MinSamples ?? minSamples;
            scopes.Add(new ScopeBudget(scenario.Name, null, scenarioPolicy, scenarioMin, Metrics(scenario)));
            foreach (var step in scenario.Steps.Values)
            {
                scopes.Add(new ScopeBudget(scenario.Name, step.Name, step.OnInsufficientData ?? scenarioPolicy,
                    step.MinSamples ?? scenarioMin, Metrics(step)));
            }
        }

        var suite = options.Suite ?? Path.GetFileNameWithoutExtension(options.File);
        return new Budget(suite, overlay, files.ToArray().AsReadOnly(), scopes.AsReadOnly());
    }

    private static System.Collections.ObjectModel.ReadOnlyCollection<MetricBudget> Metrics(ScopeOptions scope)
    {
        var metrics = new List<MetricBudget>();
        foreach (var tier in scope.Tiers.Values)
        {
            // Tier limits are inclusive: exactly 500 ms against "fail: 500ms" is still within it.
            var op = tier.LowerIsBetter ? Comparison.LessOrEqual : Comparison.GreaterOrEqual;
            metrics.Add(new MetricBudget(tier.Metric, Of(tier.Target), Of(tier.Warn), Of(tier.Fail), tier.Location, tier.Optional));

            Limit? Of(TierValue? v) => v is null ? null : new Limit(op, v.Value);
        }

        metrics.AddRange(scope.Thresholds.Select(t => new MetricBudget(t.Expression.Metric, null, null, t.Expression.Limit, t.Location, t.Optional, t.Abort)));
        return metrics.AsReadOnly();
    }
}
