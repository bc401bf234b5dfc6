using PerfTests.Budgets;

namespace PerfTests.Exporters.Charts;

/// <summary>Finds the fail limits worth drawing on a scenario's charts in a budget report.</summary>
internal static class BudgetLimits
{
    /// <summary>The fail limit (ms) of <c>p(<paramref name="percentile"/>)</c> for the scenario as a whole, if the budget sets one.</summary>
    public static Limit? PercentileFail(BudgetReport? report, string scenario, decimal percentile) =>
        Find(report, scenario, m => m.Kind == MetricKind.Percentile && m.Percentile == percentile);

    /// <summary>The fail limit (a fraction) of the scenario's error rate, if any.</summary>
    public static Limit? ErrorRateFail(BudgetReport? report, string scenario) =>
        Find(report, scenario, m => m.Kind == MetricKind.ErrorRate);

    private static Limit? Find(BudgetReport? report, string scenario, Func<MetricId, bool> match) =>
        report?.Budget.Scopes
            .Where(s => s.Step is null && s.Scenario == scenario)
            .SelectMany(s => s.Metrics)
            .FirstOrDefault(m => match(m.Metric) && m.Fail is not null)?.Fail;
}
