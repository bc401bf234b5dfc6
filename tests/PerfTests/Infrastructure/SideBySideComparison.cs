using PerfTests.Analysis.Baselines;
using PerfTests.Load.Results;
using PerfTests;
using PerfTests.Reporting.Context;
using PerfTests.Exporters;

namespace PerfTests.Suites.Infrastructure;

/// <summary>
/// The gate of a side-by-side run: splits the one run into a baseline-arm and a candidate-arm
/// <see cref="RunSummary"/>, compares them request by request (<see cref="RequestLevelComparer"/>:
/// Mann-Whitney over every request and a median at least 10% slower), and reports it: Allure attachment, markdown summary,
/// and next to where <see cref="SuiteBaseline"/> saves summaries "&lt;Fixture&gt;.&lt;Test&gt;.baseline.json",
/// ".candidate.json" and ".comparison.json".
/// </summary>
internal static class SideBySideComparison
{
    /// <summary>Saves, compares and reports; the caller asserts <see cref="BaselineCheck.FailureMessage"/>.</summary>
    /// <param name="run">The side-by-side run (scenarios "name@baseline" and "name@candidate").</param>
    /// <param name="suite">Suite name stored in both summaries.</param>
    /// <param name="otherCheckFailed">Whether the run failed another check (errors); recorded as budgetFailed in the comparison JSON.</param>
    public static BaselineCheck Check(LoadRunResult run, string suite, bool otherCheckFailed)
    {
        var settings = BaselineRunSettings.Current;
        var path = SuiteBaseline.SummaryPath(settings);
        var (baseline, candidate) = SideBySideSplit.Summarise(run, suite, settings.Interval, CommitLabel.Current);
        SuiteBaseline.Write(Path.ChangeExtension(path, ".baseline.json"), RunSummaryFile.ToJson(baseline));
        SuiteBaseline.Write(Path.ChangeExtension(path, ".candidate.json"), RunSummaryFile.ToJson(candidate));

        var check = AllureContext.Step("compare candidate arm with baseline arm", () => BaselineGate.CheckSideBySide(baseline, candidate));
        SuiteBaseline.Report(check, "side by side", TestContext.CurrentContext.Test.FullName + " (side by side)", attach: true);
        SuiteBaseline.Write(Path.ChangeExtension(path, ".comparison.json"), BaselineCheckFormatter.ToJson(check, otherCheckFailed));
        return check;
    }
}
