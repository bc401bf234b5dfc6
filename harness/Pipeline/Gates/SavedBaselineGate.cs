using PerfTests.Analysis.Baselines;
using PerfTests.Reporting.Context;

namespace PerfTests.Gates;

/// <summary>
/// Compares the run's summary with the same test's summary in the baseline folder (run setting
/// <c>BaselineDir</c>): a Mann-Whitney test on interval p95s and a minimum effect must agree before a
/// scenario counts as regressed. Enforced unless the profile reports only (<c>BaselineGate=report</c>)
/// or faults were injected; a missing baseline or too few intervals are notes, never failures.
/// </summary>
public sealed class SavedBaselineGate : IGate
{
    /// <summary>This gate's name in reports.</summary>
    public const string GateName = "baseline";

    /// <inheritdoc />
    public string Name => GateName;

    /// <inheritdoc />
    public GateResult Judge(PerfResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Summary is not { } summary)
        {
            return new GateResult(Name, GateVerdict.Skipped, "no load run to compare");
        }

        var folder = result.Settings.BaselineFolder;
        var fileName = RunSummaryFile.FileName(result.Test.ClassName, result.Test.Name);
        var check = AllureContext.Step("compare with baseline", () => BaselineGate.CheckFolder(folder, fileName, summary));
        var markdown = folder is null ? null : BaselineCheckFormatter.ToMarkdown(check, result.Test.FullName);
        if (!check.IsRegression)
        {
            return new GateResult(Name, folder is null ? GateVerdict.Skipped : GateVerdict.Passed, check.Note) { Markdown = markdown, Detail = check };
        }

        var enforced = !result.HasFaults && result.Settings.BaselineGate == BaselineGateMode.Fail;
        var why = result.HasFaults ? "a run with injected faults" : "BaselineGate is 'report'";
        return new GateResult(Name, enforced ? GateVerdict.Failed : GateVerdict.Reported, enforced ? check.Note : $"{check.Note} (reported, not failed: {why})")
        {
            Failure = check.FailureMessage,
            Markdown = markdown,
            Detail = check,
        };
    }
}
