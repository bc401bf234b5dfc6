using PerfTests.Budgets;
using PerfTests.Reporting.Context;

namespace PerfTests.Gates;

/// <summary>Judges the run's measurements against its budget file (budgets/&lt;name&gt;.yaml with the profile's overlay).</summary>
public sealed class BudgetGate : IGate
{
    /// <summary>This gate's name in reports.</summary>
    public const string GateName = "budget";

    /// <inheritdoc />
    public string Name => GateName;

    /// <inheritdoc />
    public GateResult Judge(PerfResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.BudgetFile is not { } budget)
        {
            return new GateResult(Name, GateVerdict.Skipped, "no budget file");
        }

        var report = AllureContext.Step($"judge against budgets/{budget.Suite}.yaml", () => BudgetEvaluator.Evaluate(budget, result.Measurements));
        var failures = report.Failures.Count();
        // Skipped for lack of data is never a silent pass: it warns, and a budget that judged nothing fails.
        var unjudged = report.Unjudged.Count();
        var warnings = report.Warnings.Count() + unjudged;
        var nothingJudged = report.Conclusions.Count > 0 && report.Conclusions.All(c => c.Verdict == BudgetVerdict.Skipped);
        // A run stopped by abort_on_fail has lost a threshold, whatever its partial figures say at the end.
        var aborted = AbortReason(result);
        var failed = failures > 0 || aborted is not null || nothingJudged;
        var summary = $"{report.Conclusions.Count} metric(s) of budgets/{budget.Suite}.yaml{(budget.Overlay is { } o ? $" ({o} overlay)" : "")}: " +
            $"{failures} failed, {report.Warnings.Count()} past the warn limit{(unjudged > 0 ? $", {unjudged} not judged (not enough data)" : "")}" +
            $"{(aborted is null ? "" : "; run aborted early")}";
        return new GateResult(Name, failed ? GateVerdict.Failed : warnings > 0 ? GateVerdict.Warned : GateVerdict.Passed, summary)
        {
            // The failure text is composed with the others at the end (VerdictMessages): a breach lists them after its own.
            Failure = !failed ? null
                : nothingJudged && failures == 0 && aborted is null ? BudgetMessages.NothingJudged(report)
                : BudgetMessages.Failure(report, BudgetReportFormatter.Table(report), result.BottleneckHint, aborted: aborted),
            Warning = warnings > 0 ? BudgetMessages.Warning(report) : null,
            Detail = report,
        };
    }

    internal static string? AbortReason(PerfResult result)
    {
        // An unreachable target fails the test on its own error; only a lost threshold is the budget's.
        var reasons = result.Runs.Where(r => !r.TargetUnreachable).Select(r => r.AbortReason).OfType<string>().ToList();
        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }
}
