namespace PerfTests.Analysis.Trends;

/// <summary>
/// Theil-Sen slope (median of all pairwise slopes) with Sen's 95 % confidence interval, and the
/// Mann-Kendall trend test (tie-corrected normal approximation). Insensitive to the outliers
/// and heavy tails latency series have. Slopes are in value units per second.
/// </summary>
/// <param name="Count">Points used.</param>
/// <param name="Slope">Theil-Sen slope.</param>
/// <param name="SlopeCiLow">Lower bound of Sen's 95 % interval.</param>
/// <param name="SlopeCiHigh">Upper bound of Sen's 95 % interval.</param>
/// <param name="KendallS">Mann-Kendall S statistic (concordant minus discordant pairs).</param>
/// <param name="KendallZ">S standardised (continuity corrected).</param>
/// <param name="PValue">Two-sided p-value of "no monotonic trend".</param>
public sealed record RobustTrend(
    int Count, double Slope, double SlopeCiLow, double SlopeCiHigh, double KendallS, double KendallZ, double PValue);
