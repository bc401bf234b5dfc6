using System.Globalization;
using System.Text;
using PerfTests.Analysis.Baselines;

namespace PerfTests.GateTrust;

/// <summary>False regressions and caught slowdowns of the comparer at each minimum effect size.</summary>
internal static class GateTrustSweep
{
    public static string Markdown(GateTrustRuns runs, IReadOnlyList<double> minEffects, double alpha)
    {
        var text = new StringBuilder();
        var pairs = SameCodePairs(runs);
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{runs.Same.Count} same-code runs, {runs.Slow.Count} slowed runs, each gated against run 0; alpha {alpha}. " +
            $"\"Any pair\" gates every same-code run (run 0 included) against every other: {pairs.Count} ordered pairs.");
        text.AppendLine();
        text.AppendLine("| min effect | false regressions vs run 0 | caught vs run 0 | false regressions, any pair |");
        text.AppendLine("|---|---|---|---|");
        foreach (var effect in minEffects)
        {
            var options = new ComparisonOptions { MinEffect = effect, Alpha = alpha, BootstrapResamples = 0 };
            var falseVsRun0 = runs.Same.Count(r => BaselineComparer.Compare(runs.Baseline, r, options).HasRegression);
            var caught = runs.Slow.Count(r => BaselineComparer.Compare(runs.Baseline, r, options).HasRegression);
            var falsePairs = pairs.Count(p => BaselineComparer.Compare(p.Baseline, p.Candidate, options).HasRegression);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {effect:0%} | {falseVsRun0}/{runs.Same.Count} | {caught}/{runs.Slow.Count} | {falsePairs}/{pairs.Count} ({Share(falsePairs, pairs.Count)}) |");
        }

        text.AppendLine();
        text.AppendLine("Same-code spread: change of each scenario's median interval p95 against run 0 (min .. median .. max over same-code runs).");
        text.AppendLine();
        text.AppendLine("| scenario | same code | slowed |");
        text.AppendLine("|---|---|---|");
        foreach (var scenario in runs.Baseline.Scenarios.Select(s => s.Name))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {scenario} | {Spread(runs.Baseline, runs.Same, scenario)} | {Spread(runs.Baseline, runs.Slow, scenario)} |");
        }

        return text.ToString();
    }

    private static List<(RunSummary Baseline, RunSummary Candidate)> SameCodePairs(GateTrustRuns runs)
    {
        var all = runs.Same.Prepend(runs.Baseline).ToList();
        return [.. from a in all from b in all where !ReferenceEquals(a, b) select (a, b)];
    }

    private static string Spread(RunSummary baseline, IReadOnlyList<RunSummary> candidates, string scenario)
    {
        var options = new ComparisonOptions { BootstrapResamples = 0 };
        var changes = candidates
            .Select(c => BaselineComparer.Compare(baseline, c, options).Scenarios.FirstOrDefault(s => s.Scenario == scenario)?.Change)
            .OfType<double>().Order().ToList();
        return changes.Count == 0
            ? "n/a"
            : string.Create(CultureInfo.InvariantCulture, $"{changes[0]:+0%;-0%;0%} .. {changes[changes.Count / 2]:+0%;-0%;0%} .. {changes[^1]:+0%;-0%;0%}");
    }

    private static string Share(int count, int total) =>
        total == 0 ? "n/a" : (count / (double)total).ToString("0%", CultureInfo.InvariantCulture);
}
