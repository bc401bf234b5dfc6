using System.Text;
using PerfTests.Budgets;

namespace PerfTests.Gates;

/// <summary>The budget gate's texts: a breach (every failed metric, the bottleneck hint, what else failed, the table) and a warning.</summary>
internal static class BudgetMessages
{
    public static string Failure(BudgetReport report, string table, string? bottleneckHint = null, string? alsoFailed = null, string? aborted = null)
    {
        var text = new StringBuilder()
            .AppendLine($"Budget '{report.Budget.Suite}' breached: {report.Failures.Count()} metric(s) failed");
        if (!string.IsNullOrWhiteSpace(aborted))
        {
            // First, because the rest was measured on a run cut short: partial figures.
            text.AppendLine($"  - run aborted early (abort_on_fail): {aborted}; the figures below are of the partial run");
        }

        text.Append(BudgetReportFormatter.Breaches(report, BudgetVerdict.Fail));
        if (!string.IsNullOrWhiteSpace(bottleneckHint))
        {
            text.AppendLine($"Bottleneck hint: {bottleneckHint}");
        }

        if (!string.IsNullOrWhiteSpace(alsoFailed))
        {
            text.AppendLine().AppendLine("Also failed: " + alsoFailed.TrimEnd());
        }

        return text
            .AppendLine()
            .Append(table)
            .ToString();
    }

    /// <summary>
    /// The budget failure (when the budget failed) with <paramref name="otherFailure"/> after its breaches;
    /// with the budget met, <paramref name="otherFailure"/> first (its wording decides the report
    /// category), then any budget warnings.
    /// </summary>
    public static string Combined(BudgetReport report, string table, string? bottleneckHint, string? otherFailure)
    {
        if (string.IsNullOrWhiteSpace(otherFailure))
        {
            return Failure(report, table, bottleneckHint);
        }

        if (report.Failed)
        {
            return Failure(report, table, bottleneckHint, otherFailure);
        }

        var text = new StringBuilder().AppendLine(otherFailure.TrimEnd());
        if (report.Warned)
        {
            text.AppendLine().Append(Warning(report));
        }

        return text.ToString();
    }

    public static string Warning(BudgetReport report)
    {
        var text = new StringBuilder();
        if (report.Warned)
        {
            text.AppendLine($"Budget '{report.Budget.Suite}': {report.Warnings.Count()} metric(s) past the warn limit")
                .Append(BudgetReportFormatter.Breaches(report, BudgetVerdict.Warn));
        }

        var unjudged = report.Unjudged.ToList();
        if (unjudged.Count > 0)
        {
            text.AppendLine($"Budget '{report.Budget.Suite}': {unjudged.Count} metric(s) not judged (on_insufficient_data: ignore)");
            foreach (var c in unjudged)
            {
                text.AppendLine($"  - {c.Scope} {c.Metric.Name}: {c.Note} [{c.Budget.Location}]");
            }
        }

        return text.ToString();
    }

    /// <summary>Every metric skipped: the budget passed nothing, so the test cannot pass on it.</summary>
    public static string NothingJudged(BudgetReport report) =>
        new StringBuilder()
            .AppendLine($"Budget '{report.Budget.Suite}' judged nothing: all {report.Conclusions.Count} metric(s) were skipped")
            .Append(Warning(report))
            .AppendLine().Append(BudgetReportFormatter.Table(report))
            .ToString();
}
