using System.Globalization;
using PerfTests.Budgets;

namespace PerfTests.Exporters.Tables;

/// <summary>One row of the budget table as display text, shared by the HTML, CSV and markdown views.</summary>
internal sealed record BudgetTableRow(
    string Scope, string Metric, string Actual, string Target, string Warn, string Fail, BudgetVerdict Verdict, string VerdictText, string Samples, string Location)
{
    public static readonly string[] Headers = ["scope", "metric", "actual", "target", "warn", "fail", "verdict", "samples", "where"];

    public string[] Cells => [Scope, Metric, Actual, Target, Warn, Fail, VerdictText, Samples, Location];

    public static IReadOnlyList<BudgetTableRow> Of(BudgetReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. report.Conclusions.Select(c => new BudgetTableRow(
            c.Scope,
            c.Metric.Name,
            c.ActualText,
            c.Budget.Target?.Format(c.Metric) ?? "-",
            c.Budget.Warn?.Format(c.Metric) ?? "-",
            c.Budget.Fail?.Format(c.Metric) ?? "-",
            c.Verdict,
            VerdictWord(c.Verdict) + (c.InsufficientData ? $" ({c.Note})" : string.Empty),
            c.RequiredSamples > 1
                ? string.Create(CultureInfo.InvariantCulture, $"{c.SampleCount} (min {c.RequiredSamples})")
                : c.SampleCount.ToString(CultureInfo.InvariantCulture),
            ShortLocation(c.Budget.Location)))];
    }

    /// <summary>The same words as the console table of <see cref="BudgetReportFormatter"/>.</summary>
    public static string VerdictWord(BudgetVerdict verdict) => verdict switch
    {
        BudgetVerdict.Pass => "pass",
        BudgetVerdict.Ok => "ok (missed target)",
        BudgetVerdict.Warn => "WARN",
        BudgetVerdict.Fail => "FAIL",
        _ => "skipped",
    };

    /// <summary>"FAIL (2 failed, 1 warned)", "WARN (1 warned)" or "PASS".</summary>
    public static string Overall(BudgetReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var failed = report.Failures.Count();
        var warned = report.Warnings.Count();
        return failed > 0 ? $"FAIL ({failed} failed, {warned} warned)" : warned > 0 ? $"WARN ({warned} warned)" : "PASS";
    }

    /// <summary>The heading line: suite, overlay and files, e.g. "Budget 'load' (overlay 'nightly'; a.yaml + b.yaml)".</summary>
    public static string Heading(BudgetReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var overlay = report.Budget.Overlay is null ? "base" : $"overlay '{report.Budget.Overlay}'";
        return $"Budget '{report.Budget.Suite}' ({overlay}; {string.Join(" + ", report.Budget.Files)})";
    }

    // "budgets/load.yaml(14,7)" finds the line; the absolute build-output path only adds noise.
    private static string ShortLocation(SourceLocation location)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(location.File));
        var file = string.IsNullOrEmpty(folder) ? Path.GetFileName(location.File) : folder + "/" + Path.GetFileName(location.File);
        return string.Create(CultureInfo.InvariantCulture, $"{file}({location.Line},{location.Column})");
    }
}
