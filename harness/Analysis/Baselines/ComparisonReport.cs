namespace PerfTests.Analysis.Baselines;

/// <summary>All scenario decisions of one comparison.</summary>
/// <param name="Scenarios">One decision per scenario of the candidate (in its order), then baseline-only ones.</param>
public sealed record ComparisonReport(IReadOnlyList<ScenarioComparison> Scenarios)
{
    /// <summary>True when any scenario regressed.</summary>
    public bool HasRegression => Scenarios.Any(s => s.Verdict == ComparisonVerdict.Regressed);

    /// <summary>The decision for <paramref name="scenario"/>.</summary>
    public ScenarioComparison this[string scenario] =>
        Scenarios.FirstOrDefault(s => s.Scenario == scenario) ?? throw new KeyNotFoundException($"No comparison for scenario '{scenario}'.");

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine, Scenarios.Select(s => $"{s.Scenario}: {s.Explanation}"));
}
