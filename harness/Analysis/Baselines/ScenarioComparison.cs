namespace PerfTests.Analysis.Baselines;

/// <summary>Decision for one scenario, with the numbers behind it.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Verdict">The decision.</param>
/// <param name="BaselineIntervals">Interval p95 samples of the baseline.</param>
/// <param name="CandidateIntervals">Interval p95 samples of the candidate.</param>
/// <param name="BaselineMedianUs">Median interval p95 of the baseline, µs (null when there were none).</param>
/// <param name="CandidateMedianUs">Median interval p95 of the candidate, µs.</param>
/// <param name="Change">median(candidate) / median(baseline) - 1 (0.173 = +17.3 %); null without data.</param>
/// <param name="ChangeCi">Bootstrap 95 % interval of <paramref name="Change"/>; null when disabled or without data.</param>
/// <param name="PValue">Two-sided Mann-Whitney p-value; null without data.</param>
/// <param name="Explanation">One line a CI log can show, e.g. "p95 +17.3% (CI +12%..+22%), Mann-Whitney p=0.0004 over 30 vs 30 intervals: regressed".</param>
public sealed record ScenarioComparison(
    string Scenario,
    ComparisonVerdict Verdict,
    int BaselineIntervals,
    int CandidateIntervals,
    double? BaselineMedianUs,
    double? CandidateMedianUs,
    double? Change,
    (double Low, double High)? ChangeCi,
    double? PValue,
    string Explanation);
