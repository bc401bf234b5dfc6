using System.Globalization;
using System.Text;
using PerfTests.Analysis.Baselines;

namespace PerfTests.GateTrust;

/// <summary>
/// Replays the side-by-side runs of measure-gate-trust.sh --mode side-by-side (each run folder holds
/// the two arm summaries and the gate's comparison): false regressions among same-code runs and caught
/// injected runs, re-decided from the saved arm summaries by the gate's code: the side-by-side rule
/// (<see cref="RequestLevelComparer"/>), the separate-runs rule (<see cref="BaselineComparer"/>), and a p95 variant.
/// </summary>
internal static class SideBySideReplay
{
    public static string Markdown(string folder)
    {
        var runs = Directory.GetDirectories(folder, "run-*").Order(StringComparer.Ordinal).Select(Load).OfType<Run>().ToList();
        var rules = new (string Name, Func<Run, bool> Regressed)[]
        {
            ("side-by-side gate (RequestLevelComparer): Mann-Whitney over requests p < 0.01 and median >= +10%", r => r.RequestLevel.HasRegression),
            ("separate-runs rule (BaselineComparer): per-second p95, Mann-Whitney p < 0.01 and median interval p95 >= +10%", r => r.Intervals.HasRegression),
        };

        var same = runs.Where(r => r.Arm is "same" or "calibration").ToList();
        var injected = runs.Where(r => r.Arm == "injected").ToList();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{same.Count} same-code runs (calibration included), {injected.Count} injected runs.");
        text.AppendLine();
        text.AppendLine("| rule | false regressions | caught |");
        text.AppendLine("|---|---|---|");
        foreach (var (name, regressed) in rules)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {same.Count(regressed)}/{same.Count} | {injected.Count(regressed)}/{injected.Count} |");
        }

        text.AppendLine();
        text.AppendLine("Median change per scenario, candidate arm vs baseline arm (min .. median .. max over runs):");
        text.AppendLine();
        text.AppendLine("| scenario | same code | injected |");
        text.AppendLine("|---|---|---|");
        foreach (var scenario in runs.SelectMany(r => r.RequestLevel.Scenarios.Select(s => s.Scenario)).Distinct())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {scenario} | {Spread(same, scenario)} | {Spread(injected, scenario)} |");
        }

        return text.ToString();
    }

    private static string Spread(List<Run> runs, string scenario)
    {
        var changes = runs.Select(r => r.RequestLevel.Scenarios.FirstOrDefault(s => s.Scenario == scenario)?.Change).OfType<double>().Order().ToList();
        return changes.Count == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture,
            $"{changes[0]:+0%;-0%;0%} .. {changes[changes.Count / 2]:+0%;-0%;0%} .. {changes[^1]:+0%;-0%;0%}");
    }

    private static Run? Load(string dir)
    {
        var summaries = Path.Combine(dir, "summaries");
        string? Find(string suffix) => Directory.Exists(summaries) ? Directory.GetFiles(summaries, "*" + suffix).FirstOrDefault() : null;
        if (Find(".baseline.json") is not { } a || Find(".candidate.json") is not { } b)
        {
            return null;
        }

        var baseline = RunSummaryFile.FromJson(File.ReadAllText(a));
        var candidate = RunSummaryFile.FromJson(File.ReadAllText(b));
        var name = Path.GetFileName(dir);
        var arm = name.EndsWith("-same", StringComparison.Ordinal) ? "same" : name.EndsWith("-injected", StringComparison.Ordinal) ? "injected" : "calibration";
        return new Run(arm, RequestLevelComparer.Compare(baseline, candidate),
            BaselineComparer.Compare(baseline, candidate, new ComparisonOptions { BootstrapResamples = 0 }));
    }

    private sealed record Run(string Arm, ComparisonReport RequestLevel, ComparisonReport Intervals);
}
