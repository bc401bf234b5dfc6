using PerfTests.Budgets;
using PerfTests.Environment.Faults;
using PerfTests.Load.Results;
using PerfTests.Load.Running;
using PerfTests.Load.Scenarios;
using PerfTests.NUnit;
using PerfTests.Reporting.Context;
using PerfTests.Reporting.Performance;

namespace PerfTests.Suites.Infrastructure;

/// <summary>The shared tail of every suite test: run the scenarios, report them, judge them.</summary>
internal static class SuiteRun
{
    /// <summary>Runs the scenarios, stopping cleanly (with a partial result) if the test is cancelled.</summary>
    public static async Task<LoadRunResult> RunAsync(IEnumerable<Scenario> scenarios, CancellationToken cancellationToken)
    {
        var result = await AllureContext.StepAsync("run load", () =>
            LoadRunner.RunAsync(scenarios, new LoadRunnerOptions { ProgressWriter = TestContext.Progress }, cancellationToken)).ConfigureAwait(false);
        TestContext.Out.WriteLine(result.ToString());
        AllureContext.Attach("run summary", result.ToString(), "text/plain", "txt");
        return result;
    }

    /// <summary>
    /// Judges the run against budgets/&lt;suite&gt;.yaml with the run's overlay, attaches the report
    /// (budget table, charts with the fault windows shaded, histogram log, metrics, markdown summary) and
    /// then asserts, so a breached budget still leaves its evidence in the report.
    /// </summary>
    public static BudgetReport Judge(
        LoadRunResult run, IMeasurements measurements, string suite, IEnumerable<FaultWindow>? faults = null)
    {
        var marks = faults?.Select(f => new TimelineMark(f.From, f.To, f.Fault));
        var report = AllureContext.Step("judge against budgets/" + suite + ".yaml", () =>
            BudgetEvaluator.Evaluate(BudgetFiles.Load(suite), measurements));
        PerfReport.Attach(run, report, marks, TestContext.CurrentContext.Test.Name);
        return BudgetAssert.Meets(report);
    }

    /// <summary>Judges the run against budgets/&lt;suite&gt;.yaml with the run's overlay (pr/nightly/local).</summary>
    public static BudgetReport Judge(IMeasurements measurements, string suite) =>
        AllureContext.Step("judge against budgets/" + suite + ".yaml", () => BudgetAssert.Meets(measurements, suite));
}
