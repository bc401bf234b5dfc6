namespace PerfTests.Analysis.Statistics;

/// <summary>Result of a two-sided Mann-Whitney U test of sample A against sample B.</summary>
/// <param name="U">U of sample A (pairs where A is larger, ties counting one half).</param>
/// <param name="CountA">Size of sample A.</param>
/// <param name="CountB">Size of sample B.</param>
/// <param name="Z">Standardised U (continuity and tie corrected); 0 for the exact test.</param>
/// <param name="PValue">Two-sided p-value of "both samples come from the same distribution".</param>
/// <param name="IsExact">True when the exact null distribution was used (small samples without ties).</param>
public sealed record MannWhitneyResult(double U, int CountA, int CountB, double Z, double PValue, bool IsExact);
