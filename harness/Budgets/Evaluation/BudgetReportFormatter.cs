using System.Globalization;
using System.Text;

namespace PerfTests.Budgets;

/// <summary>Plain-text views of a <see cref="BudgetReport"/>: the full table and the list of breaches.</summary>
public static class BudgetReportFormatter
{
    private static readonly string[] Headers = ["scope", "metric", "actual", "target", "warn", "fail", "verdict", "samples"];

    /// <summary>A fixed-width table with one row per metric: scope, metric, actual, target, warn, fail, verdict, samples.</summary>
    public static string Table(BudgetReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Conclusions.Select(Row).Prepend(Headers).ToList();
        var widths = Enumerable.Range(0, Headers.Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var overlay = report.Budget.Overlay is null ? "base" : $"overlay '{report.Budget.Overlay}'";
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Budget '{report.Budget.Suite}' ({overlay}; {string.Join(" + ", report.Budget.Files)})");
        for (var r = 0; r < rows.Count; r++)
        {
            text.AppendLine(string.Join(" | ", rows[r].Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
            if (r == 0)
            {
                text.AppendLine(string.Join("-|-", widths.Select(w => new string('-', w))));
            }
        }

        return text.ToString();
    }

    /// <summary>One line per conclusion with the given verdict: actual vs the limit it broke, and where the limit is written.</summary>
    public static string Breaches(BudgetReport report, BudgetVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        foreach (var c in report.Conclusions.Where(c => c.Verdict == verdict))
        {
            var why = c.InsufficientData ? c.Note : $"actual {c.ActualText}, limit {c.BrokenLimitText}";
            text.AppendLine(CultureInfo.InvariantCulture, $"  - {c.Scope} {c.Metric.Name}: {why} [{c.Budget.Location}]");
        }

        return text.ToString();
    }

    private static string[] Row(BudgetConclusion c) =>
    [
        c.Scope, c.Metric.Name, c.ActualText, Limit(c, c.Budget.Target), Limit(c, c.Budget.Warn), Limit(c, c.Budget.Fail),
        Verdict(c), c.RequiredSamples > 1 ? $"{c.SampleCount} (min {c.RequiredSamples})" : c.SampleCount.ToString(CultureInfo.InvariantCulture),
    ];

    private static string Limit(BudgetConclusion c, Limit? limit) => limit?.Format(c.Metric) ?? "-";

    private static string Verdict(BudgetConclusion c)
    {
        var word = c.Verdict switch
        {
            BudgetVerdict.Pass => "pass",
            BudgetVerdict.Ok => "ok (missed target)",
            BudgetVerdict.Warn => "WARN",
            BudgetVerdict.Fail => "FAIL",
            _ => "skipped",
        };
        return c.InsufficientData ? $"{word} ({c.Note})" : word;
    }
}
