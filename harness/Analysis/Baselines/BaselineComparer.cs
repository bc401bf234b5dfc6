using System.Globalization;
using PerfTests.Analysis.Statistics;
using PerfTests.Analysis.Trends;

namespace PerfTests.Analysis.Baselines;

/// <summary>
/// Decides per scenario whether a candidate run regressed against a baseline. Regressed/Improved
/// needs BOTH a significant Mann-Whitney test on the per-interval p95 samples AND a change of the
/// median interval p95 of at least <see cref="ComparisonOptions.MinEffect"/>: a tiny but significant
/// shift (long runs make everything significant) or a large but noisy one are both "same".
/// </summary>
public static class BaselineComparer
{
    /// <summary>Compares every scenario of <paramref name="candidate"/> with the same-named one of <paramref name="baseline"/>.</summary>
    public static ComparisonReport Compare(RunSummary baseline, RunSummary candidate, ComparisonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        if (!baseline.IntervalSeconds.Equals(candidate.IntervalSeconds))
        {
            // Longer intervals give smoother p95s: the samples would not be comparable.
            throw new ArgumentException(
                $"Baseline intervals are {baseline.IntervalSeconds} s but candidate intervals are {candidate.IntervalSeconds} s; summarise both with the same interval.");
        }

        var names = candidate.Scenarios.Select(s => s.Name).Concat(baseline.Scenarios.Select(s => s.Name)).Distinct();
        return new ComparisonReport([.. names.Select(n => CompareSamples(
            n, baseline.Find(n)?.IntervalP95Us ?? [], candidate.Find(n)?.IntervalP95Us ?? [], options))]);
    }

    /// <summary>Compares two samples of interval p95 values (µs).</summary>
    public static ScenarioComparison CompareSamples(
        string scenario, IReadOnlyList<double> baseline, IReadOnlyList<double> candidate, ComparisonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        options ??= new ComparisonOptions();
        options.Validate();
        int na = baseline.Count, nb = candidate.Count;
        if (na < options.MinIntervals || nb < options.MinIntervals)
        {
            return new ScenarioComparison(scenario, ComparisonVerdict.NotEnoughData, na, nb, MedianOrNull(baseline), MedianOrNull(candidate),
                null, null, null, $"only {na} vs {nb} intervals (need {options.MinIntervals} each): not enough data");
        }

        var medianA = TrendStatistics.Median([.. baseline.Order()]);
        var medianB = TrendStatistics.Median([.. candidate.Order()]);
        if (medianA <= 0)
        {
            return new ScenarioComparison(scenario, ComparisonVerdict.NotEnoughData, na, nb, medianA, medianB,
                null, null, null, "baseline median p95 is 0: no relative change can be computed");
        }

        var change = (medianB / medianA) - 1;
        var test = MannWhitney.Test(baseline, candidate);
        (double, double)? ci = null;
        if (options.BootstrapResamples > 0)
        {
            var (low, high) = BootstrapInterval.RatioOfMedians(baseline, candidate, 0.95, options.BootstrapResamples, options.Seed);
            ci = (low - 1, high - 1);
        }

        var significant = test.PValue < options.Alpha;
        var large = Math.Abs(change) >= options.MinEffect;
        var verdict = significant && large
            ? (change > 0 ? ComparisonVerdict.Regressed : ComparisonVerdict.Improved)
            : ComparisonVerdict.Same;
        var explanation = Explain(change, ci, test, verdict, significant, large, options);
        return new ScenarioComparison(scenario, verdict, na, nb, medianA, medianB, change, ci, test.PValue, explanation);
    }

    private static string Explain(
        double change, (double Low, double High)? ci, MannWhitneyResult test, ComparisonVerdict verdict, bool significant, bool large, ComparisonOptions options)
    {
        var ciText = ci is { } c ? string.Create(CultureInfo.InvariantCulture, $" (CI {c.Low:+0.0%;-0.0%;0.0%}..{c.High:+0.0%;-0.0%;0.0%})") : "";
        var reason = verdict switch
        {
            ComparisonVerdict.Regressed => "regressed",
            ComparisonVerdict.Improved => "improved",
            _ when !significant && !large => "same",
            _ when !significant => string.Create(CultureInfo.InvariantCulture, $"same (not significant at alpha={options.Alpha})"),
            _ => string.Create(CultureInfo.InvariantCulture, $"same (significant but below the {options.MinEffect:0.#%} minimum effect)"),
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"p95 {change:+0.0%;-0.0%;0.0%}{ciText}, Mann-Whitney p={Formatting.PValue(test.PValue)} over {test.CountA} vs {test.CountB} intervals: {reason}");
    }

    private static double? MedianOrNull(IReadOnlyList<double> values) =>
        values.Count == 0 ? null : TrendStatistics.Median([.. values.Order()]);
}
