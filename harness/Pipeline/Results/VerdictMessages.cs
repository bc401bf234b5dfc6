using System.Text;
using PerfTests.Budgets;
using PerfTests.Gates;

namespace PerfTests;

/// <summary>
/// The one message a failed (or warned) test shows. A breached budget comes first, with what else
/// failed after its breaches, so "Budget '...' breached" decides the Allure category; otherwise the
/// first failed gate's words decide it ("Regression against baseline ...").
/// </summary>
internal static class VerdictMessages
{
    public static string? Failure(PerfResult result)
    {
        var failed = result.Gates.Where(g => g.Verdict == GateVerdict.Failed).ToList();
        if (failed.Count == 0)
        {
            return null;
        }

        var budget = failed.FirstOrDefault(g => g.Detail is BudgetReport);
        var aborted = BudgetGate.AbortReason(result);
        // A breach (or an abort) leads; a budget that failed otherwise (it judged nothing) is one failure among the others.
        var breach = budget?.Detail is BudgetReport report && (report.Failed || aborted is not null) ? report : null;
        var others = failed.Where(g => breach is null || !ReferenceEquals(g, budget)).Select(g => (g.Failure ?? g.Summary).TrimEnd()).ToList();
        var text = new StringBuilder();
        if (breach is not null)
        {
            var also = others.Count == 0 ? null : string.Join(System.Environment.NewLine, others);
            text.Append(BudgetMessages.Failure(breach, BudgetReportFormatter.Table(breach), result.BottleneckHint, also, aborted));
            if (result.Recheck is { } recheck)
            {
                text.AppendLine().AppendLine(recheck.Text);
            }
        }
        else
        {
            text.AppendLine(string.Join(System.Environment.NewLine, others));
            if (budget is null && result.Budget is { } warned && (warned.Warned || warned.Unjudged.Any()))
            {
                text.AppendLine().Append(BudgetMessages.Warning(warned));
            }
        }

        AppendAttempts(text, result);
        return AppendReportProblems(text, result).ToString();
    }

    /// <summary>Starts "Inconclusive: ", then what disturbed the run, the windows, the breached table and the earlier attempts.</summary>
    public static string Inconclusive(PerfResult result)
    {
        var text = new StringBuilder(result.Recheck!.Text).AppendLine();
        if (result.Budget is { } report)
        {
            text.AppendLine().AppendLine(BudgetReportFormatter.Table(report));
        }

        if (result.BottleneckHint is { } hint)
        {
            text.AppendLine("Bottleneck hint: " + hint);
        }

        AppendAttempts(text, result);
        return AppendReportProblems(text, result).ToString();
    }

    private static void AppendAttempts(StringBuilder text, PerfResult result)
    {
        for (var i = 0; i < result.EarlierAttempts.Count; i++)
        {
            text.AppendLine().AppendLine($"Attempt {i + 1} of {result.EarlierAttempts.Count + 1}: {result.EarlierAttempts[i]}");
        }
    }

    public static string Warning(PerfResult result)
    {
        var text = new StringBuilder();
        foreach (var gate in result.Gates.Where(g => g.Verdict == GateVerdict.Warned))
        {
            text.AppendLine((gate.Warning ?? gate.Summary).TrimEnd());
        }

        return AppendReportProblems(text, result).ToString();
    }

    private static StringBuilder AppendReportProblems(StringBuilder text, PerfResult result)
    {
        if (result.ReportProblems.Count > 0)
        {
            text.AppendLine().AppendLine("The report is incomplete (the verdict above stands):");
            foreach (var problem in result.ReportProblems)
            {
                text.AppendLine("  " + problem);
            }
        }

        return text;
    }
}
