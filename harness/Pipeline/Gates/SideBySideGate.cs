using System.Globalization;
using PerfTests.Analysis.Baselines;
using PerfTests.Load.Results;
using PerfTests.Reporting.Context;

namespace PerfTests.Gates;

/// <summary>
/// The gate of a side-by-side run: its scenarios come in pairs, <c>name@baseline</c> and
/// <c>name@candidate</c>, loaded in the same seconds. The candidate arm regresses when a Mann-Whitney
/// test over every request says so and its median is at least 10% slower; either arm failing more than
/// <see cref="MaxArmErrorRate"/> of its requests fails too (a failing arm's latency means little).
/// </summary>
public sealed class SideBySideGate : IGate
{
    /// <summary>This gate's name in reports.</summary>
    public const string GateName = "side by side";

    /// <summary>Largest share of failed requests either arm may have; default 0.02 (2%).</summary>
    public double MaxArmErrorRate { get; init; } = 0.02;

    /// <inheritdoc />
    public string Name => GateName;

    /// <inheritdoc />
    public GateResult Judge(PerfResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Run is not { } run)
        {
            return new GateResult(Name, GateVerdict.Skipped, "no load run to compare");
        }

        var (baseline, candidate) = SideBySideSplit.Summarise(run, result.Name, result.Settings.BaselineInterval, CommitLabel.Current);
        var check = AllureContext.Step("compare candidate arm with baseline arm", () => BaselineGate.CheckSideBySide(baseline, candidate));
        var errors = ArmErrors(run);
        var markdown = BaselineCheckFormatter.ToMarkdown(check, result.Test.FullName + " (side by side)");
        var detail = new SideBySideComparison(baseline, candidate, check, errors.Count > 0);
        if (!check.IsRegression && errors.Count == 0)
        {
            return new GateResult(Name, GateVerdict.Passed, check.Note) { Markdown = markdown, Detail = detail };
        }

        // The regression first: its wording ("Regression against baseline") is the Allure category.
        var failure = string.Join(System.Environment.NewLine, new[] { check.FailureMessage?.TrimEnd() }.Concat(errors).OfType<string>());
        return new GateResult(Name, GateVerdict.Failed, check.Note) { Failure = failure, Markdown = markdown, Detail = detail };
    }

    private List<string> ArmErrors(LoadRunResult run)
    {
        var problems = new List<string>();
        foreach (var suffix in new[] { SideBySideSplit.BaselineSuffix, SideBySideSplit.CandidateSuffix })
        {
            var scenarios = run.Scenarios.Where(s => s.Name.EndsWith(suffix, StringComparison.Ordinal)).ToList();
            long failed = scenarios.Sum(s => s.FailCount), finished = scenarios.Sum(s => s.RequestCount);
            var arm = suffix.TrimStart('@');
            if (finished == 0)
            {
                problems.Add($"Errors in the {arm} arm: no request finished");
            }
            else if ((double)failed / finished > MaxArmErrorRate)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Errors in the {arm} arm: {failed} of {finished} requests failed ({(double)failed / finished:0.0%}, at most {MaxArmErrorRate:0%} allowed)"));
            }
        }

        return problems;
    }
}
