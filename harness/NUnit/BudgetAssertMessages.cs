using System.Text;
using PerfTests.Budgets;

namespace PerfTests.NUnit;

/// <summary>Builds the texts <see cref="BudgetAssert"/> reports; separate so they can be tested without failing a test.</summary>
internal static class BudgetAssertMessages
{
    public static string Failure(BudgetReport report, string table, string? bottleneckHint = null)
    {
        var text = new StringBuilder()
            .AppendLine($"Budget '{report.Budget.Suite}' breached: {report.Failures.Count()} metric(s) failed")
            .Append(BudgetReportFormatter.Breaches(report, BudgetVerdict.Fail));
        if (!string.IsNullOrWhiteSpace(bottleneckHint))
        {
            text.AppendLine($"Bottleneck hint: {bottleneckHint}");
        }

        return text
            .AppendLine()
            .Append(table)
            .ToString();
    }

    public static string Warning(BudgetReport report) =>
        new StringBuilder()
            .AppendLine($"Budget '{report.Budget.Suite}': {report.Warnings.Count()} metric(s) past the warn limit")
            .Append(BudgetReportFormatter.Breaches(report, BudgetVerdict.Warn))
            .ToString();
}
