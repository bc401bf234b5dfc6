namespace PerfTests.Budgets;

/// <summary>The frozen budget of one scenario, or of one step within it.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Step">Step name, or <see langword="null"/> for the scenario as a whole.</param>
/// <param name="OnInsufficientData">What too few samples count as (inherited: step, scenario, defaults; default fail).</param>
/// <param name="MinSamples">Extra floor on samples for every metric; default 0 (only the percentile rule applies).</param>
/// <param name="Metrics">The metrics judged, in file order (tiers, then thresholds).</param>
public sealed record ScopeBudget(
    string Scenario, string? Step, InsufficientDataPolicy OnInsufficientData, long MinSamples, IReadOnlyList<MetricBudget> Metrics)
{
    /// <summary><c>scenario</c> or <c>scenario/step</c>.</summary>
    public string Name => Step is null ? Scenario : $"{Scenario}/{Step}";
}
