namespace PerfTests.Budgets;

/// <summary>Where a budget setting was written: file, 1-based line and column, dotted key path.</summary>
/// <param name="File">The file name as given to the loader (e.g. <c>budgets/load.yaml</c>).</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Key">Dotted key path, e.g. <c>scenarios.browse.tiers.p(95).warn</c>.</param>
public sealed record SourceLocation(string File, long Line, long Column, string Key)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}({Line},{Column})";
}
