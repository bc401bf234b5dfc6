namespace PerfTests.Budgets;

/// <summary>
/// Applies an environment overlay (e.g. <c>load.nightly.yaml</c>) onto the base file, per key:
/// settings replace, tiers merge field by field, a threshold replaces the base thresholds of the
/// same metric. An overlay may not invent scenarios or steps (that is almost always a typo).
/// </summary>
internal static class OverlayMerger
{
    public static void Apply(BudgetFileOptions target, BudgetFileOptions overlay, List<BudgetError> errors)
    {
        if (overlay.Suite is not null && target.Suite is not null && overlay.Suite != target.Suite)
        {
            errors.Add(new BudgetError(new SourceLocation(overlay.File, 1, 1, "suite"),
                $"overlay is for suite '{overlay.Suite}' but the base is '{target.Suite}'"));
        }

        target.OnInsufficientData = overlay.OnInsufficientData ?? target.OnInsufficientData;
        target.MinSamples = overlay.MinSamples ?? target.MinSamples;
        MergeScopes(target.Scenarios, overlay.Scenarios, "scenario", errors);
    }

    private static void MergeScopes(
        Dictionary<string, ScopeOptions> target, Dictionary<string, ScopeOptions> overlay, string what, List<BudgetError> errors)
    {
        foreach (var (name, scope) in overlay)
        {
            if (target.TryGetValue(name, out var existing))
            {
                MergeScope(existing, scope, errors);
            }
            else
            {
                errors.Add(new BudgetError(scope.Location, $"overlay names {what} '{name}' which the base budget does not have"));
            }
        }
    }

    private static void MergeScope(ScopeOptions target, ScopeOptions overlay, List<BudgetError> errors)
    {
        target.OnInsufficientData = overlay.OnInsufficientData ?? target.OnInsufficientData;
        target.MinSamples = overlay.MinSamples ?? target.MinSamples;
        foreach (var metric in overlay.Thresholds.Select(t => t.Expression.Metric).Distinct())
        {
            target.Thresholds.RemoveAll(t => t.Expression.Metric == metric);
        }

        target.Thresholds.AddRange(overlay.Thresholds);
        foreach (var (metric, tier) in overlay.Tiers)
        {
            if (!target.Tiers.TryGetValue(metric, out var existing))
            {
                target.Tiers[metric] = tier;
                continue;
            }

            existing.Target = tier.Target ?? existing.Target;
            existing.Warn = tier.Warn ?? existing.Warn;
            existing.Fail = tier.Fail ?? existing.Fail;
            existing.HigherIsBetter = tier.HigherIsBetter ?? existing.HigherIsBetter;
        }

        MergeScopes(target.Steps, overlay.Steps, "step", errors);
    }
}
