using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PerfTests.Analysis.Baselines;

/// <summary>Renders a <see cref="BaselineCheck"/> as markdown (report, CI summary) and as JSON (tools such as scripts/measure-gate-trust.sh).</summary>
public static class BaselineCheckFormatter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        // A scenario with a zero baseline median has no change: keep such NaNs writable.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>
    /// A markdown section: heading, the note, and when compared a table per scenario
    /// (verdict, change of the median interval p95, its 95 % CI, Mann-Whitney p, intervals baseline vs run).
    /// </summary>
    public static string ToMarkdown(BaselineCheck check, string title)
    {
        ArgumentNullException.ThrowIfNull(check);
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"#### Baseline: {title}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"**{check.Status}**: {check.Note}")
            .AppendLine();
        if (check.Report is null)
        {
            return text.ToString();
        }

        text.AppendLine("| scenario | verdict | p95 change | 95% CI | p | intervals (baseline vs run) |")
            .AppendLine("|---|---|---:|---|---:|---:|");
        foreach (var s in check.Report.Scenarios)
        {
            var ci = s.ChangeCi is { } c ? $"{Percent(c.Low)}..{Percent(c.High)}" : "-";
            var p = s.PValue is { } value ? Formatting.PValue(value) : "-";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Scenario} | {s.Verdict} | {(s.Change is { } change ? Percent(change) : "-")} | {ci} | {p} | {s.BaselineIntervals} vs {s.CandidateIntervals} |");
        }

        return text.AppendLine().ToString();
    }

    /// <summary>
    /// The check as JSON: status, note, baseline label, <paramref name="budgetFailed"/> (so a reader can
    /// tell a regression from an unrelated budget breach) and one entry per scenario with its numbers.
    /// </summary>
    public static string ToJson(BaselineCheck check, bool budgetFailed)
    {
        ArgumentNullException.ThrowIfNull(check);
        var scenarios = check.Report?.Scenarios.Select(s => new ScenarioEntry(
            s.Scenario, s.Verdict, s.Change, s.ChangeCi?.Low, s.ChangeCi?.High, s.PValue,
            s.BaselineIntervals, s.CandidateIntervals, s.BaselineMedianUs, s.CandidateMedianUs, s.Explanation)).ToList() ?? [];
        return JsonSerializer.Serialize(new CheckEntry(check.Status, check.IsRegression, budgetFailed, check.BaselineLabel, check.Note, scenarios), Json);
    }

    private static string Percent(double fraction) => fraction.ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture);

    private sealed record CheckEntry(
        BaselineStatus Status, bool Regressed, bool BudgetFailed, string? BaselineLabel, string Note, IReadOnlyList<ScenarioEntry> Scenarios);

    private sealed record ScenarioEntry(
        string Scenario, ComparisonVerdict Verdict, double? Change, double? ChangeCiLow, double? ChangeCiHigh, double? PValue,
        int BaselineIntervals, int CandidateIntervals, double? BaselineMedianUs, double? CandidateMedianUs, string Explanation);
}
