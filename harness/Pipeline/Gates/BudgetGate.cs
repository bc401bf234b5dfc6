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
        var warnings = report.Warnings.Count();
        var summary = $"{report.Conclusions.Count} metric(s) of budgets/{budget.Suite}.yaml{(budget.Overlay is { } o ? $" ({o} overlay)" : "")}: " +
            $"{failures} failed, {warnings} past the warn limit";
        return new GateResult(Name, failures > 0 ? GateVerdict.Failed : warnings > 0 ? GateVerdict.Warned : GateVerdict.Passed, summary)
        {
            // The failure text is composed with the others at the end (VerdictMessages): a breach lists them after its own.
            Failure = failures > 0 ? BudgetMessages.Failure(report, BudgetReportFormatter.Table(report), result.BottleneckHint) : null,
            Warning = warnings > 0 ? BudgetMessages.Warning(report) : null,
            Detail = report,
        };
    }
}
