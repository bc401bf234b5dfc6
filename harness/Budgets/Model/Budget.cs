namespace PerfTests.Budgets;

/// <summary>A validated, immutable budget: one suite file, possibly with an environment overlay applied.</summary>
/// <param name="Suite">Suite name (the file's <c>suite:</c>, else the file name).</param>
/// <param name="Overlay">The overlay applied (e.g. <c>nightly</c>), or <see langword="null"/> for the base alone.</param>
/// <param name="Files">The files merged, base first.</param>
/// <param name="Scopes">Scenarios and steps, in file order (a scenario before its steps).</param>
public sealed record Budget(string Suite, string? Overlay, IReadOnlyList<string> Files, IReadOnlyList<ScopeBudget> Scopes)
{
    /// <summary>Whether any threshold is marked <c>abort_on_fail</c> (the run is then watched while it runs).</summary>
    public bool HasAbortRules => Scopes.Any(s => s.Metrics.Any(m => m.Abort is not null));
}
