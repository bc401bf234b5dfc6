using PerfTests.Budgets;
using PerfTests.Load.Results;
using PerfTests.Load.Running;
using PerfTests.Load.Scenarios;
using PerfTests.NUnit;
using PerfTests.Reporting.Context;

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

    /// <summary>Judges the run against budgets/&lt;suite&gt;.yaml with the run's overlay (pr/nightly/local).</summary>
    public static BudgetReport Judge(IMeasurements measurements, string suite) =>
        AllureContext.Step("judge against budgets/" + suite + ".yaml", () => BudgetAssert.Meets(measurements, suite));
}
