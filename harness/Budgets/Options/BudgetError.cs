namespace PerfTests.Budgets;

/// <summary>One problem found while loading a budget file.</summary>
/// <param name="Location">Where it was found.</param>
/// <param name="Message">What is wrong, without the location.</param>
public sealed record BudgetError(SourceLocation Location, string Message)
{
    /// <summary>
    /// Compiler-style text: <c>budgets/load.yaml(12,7): unknown metric 'p(101)' in key 'scenarios.browse.tiers'</c>.
    /// Invisible and look-alike characters of the file are shown as <c>\uXXXX</c> and named.
    /// </summary>
    public override string ToString() => $"{Location}: " +
        VisibleText.Show(Location.Key.Length == 0 ? Message : $"{Message} in key '{Location.Key}'");
}
