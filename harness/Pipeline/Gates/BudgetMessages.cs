using System.Text;
using PerfTests.Budgets;

namespace PerfTests.Gates;

/// <summary>The budget gate's texts: a breach (every failed metric, the bottleneck hint, what else failed, the table) and a warning.</summary>
internal static class BudgetMessages
{
    public static string Failure(BudgetReport report, string table, string? bottleneckHint = null, string? alsoFailed = null)
    {
        var text = new StringBuilder()
            .AppendLine($"Budget '{report.Budget.Suite}' breached: {report.Failures.Count()} metric(s) failed")
            .Append(BudgetReportFormatter.Breaches(report, BudgetVerdict.Fail));
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

    public static string Warning(BudgetReport report) =>
        new StringBuilder()
            .AppendLine($"Budget '{report.Budget.Suite}': {report.Warnings.Count()} metric(s) past the warn limit")
            .Append(BudgetReportFormatter.Breaches(report, BudgetVerdict.Warn))
            .ToString();
}
