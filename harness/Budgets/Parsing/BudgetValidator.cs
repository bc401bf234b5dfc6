namespace PerfTests.Budgets;

/// <summary>Checks the merged budget as a whole (tier order, conflicts, empty scopes); reports every problem.</summary>
internal static class BudgetValidator
{
    public static void Validate(BudgetFileOptions options, List<BudgetError> errors, bool checkEmpty)
    {
        if (checkEmpty && options.Scenarios.Count == 0)
        {
            errors.Add(new BudgetError(new SourceLocation(options.File, 1, 1, "scenarios"), "the budget has no scenarios"));
        }

        foreach (var scenario in options.Scenarios.Values)
        {
            ValidateScope(scenario, errors, checkEmpty);
            foreach (var step in scenario.Steps.Values)
            {
                ValidateScope(step, errors, checkEmpty);
            }
        }
    }

    private static void ValidateScope(ScopeOptions scope, List<BudgetError> errors, bool checkEmpty)
    {
        if (checkEmpty && scope.Thresholds.Count == 0 && scope.Tiers.Count == 0 && scope.Steps.Count == 0)
        {
            errors.Add(new BudgetError(scope.Location, $"'{scope.Name}' has no thresholds, tiers or steps"));
        }

        foreach (var threshold in scope.Thresholds.Where(t => scope.Tiers.ContainsKey(t.Expression.Metric.Name)))
        {
            errors.Add(new BudgetError(threshold.Location,
                $"metric '{threshold.Expression.Metric.Name}' has both a threshold and tiers; keep one"));
        }

        foreach (var tier in scope.Tiers.Values)
        {
            ValidateTier(tier, errors, checkEmpty);
        }
    }

    private static void ValidateTier(TierOptions tier, List<BudgetError> errors, bool checkEmpty)
    {
        if (tier.Target is null && tier.Warn is null && tier.Fail is null)
        {
            if (!checkEmpty)
            {
                return;
            }

            errors.Add(new BudgetError(tier.Location, $"tiers of '{tier.Metric.Name}' need at least one of target, warn, fail"));
            return;
        }

        CheckOrder(tier, ("target", tier.Target), ("warn", tier.Warn), errors);
        CheckOrder(tier, ("warn", tier.Warn), ("fail", tier.Fail), errors);
        if (tier.Warn is null)
        {
            CheckOrder(tier, ("target", tier.Target), ("fail", tier.Fail), errors);
        }
    }

    /// <summary>The stricter tier must come first: target within warn within fail.</summary>
    private static void CheckOrder(TierOptions tier, (string Name, TierValue? Value) stricter, (string Name, TierValue? Value) looser, List<BudgetError> errors)
    {
        if (stricter.Value is null || looser.Value is null)
        {
            return;
        }

        var wrong = tier.LowerIsBetter ? stricter.Value.Value > looser.Value.Value : stricter.Value.Value < looser.Value.Value;
        if (wrong)
        {
            var s = ValueFormatter.Format(tier.Metric, stricter.Value.Value);
            var l = ValueFormatter.Format(tier.Metric, looser.Value.Value);
            var direction = tier.LowerIsBetter ? "lower is better" : "higher is better";
            errors.Add(new BudgetError(stricter.Value.Location,
                $"{stricter.Name} {s} is looser than {looser.Name} {l} for '{tier.Metric.Name}' ({direction})"));
        }
    }
}
