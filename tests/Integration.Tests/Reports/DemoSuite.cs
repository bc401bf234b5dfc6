using PerfTests.Load.Results;
using PerfTests.Budgets;
using PerfTests.Load.Http;
using PerfTests.Load.Running;
using PerfTests;
using PerfTests.Reporting.Context;
using PerfTests.Exporters;

namespace Integration.Tests.Reports;

/// <summary>
/// The bodies of two suite-style tests whose Allure results the report test renders. They make the
/// same harness calls as the suites' shared tail (tests/PerfTests/Infrastructure/SuiteRun.cs):
/// parameters, a "run load" step, a "judge against budgets/..." step, PerfReport.Attach, then
/// BudgetAssert, whose failure message is what the "Budget breach" category matches.
/// Like any suite test, PerfReport.Attach also appends to $PERF_SUMMARY_FILE when that is set
/// (scripts/test.sh does not set it; scripts/run-perf.sh does, for the suites only).
/// </summary>
internal static class DemoSuite
{
    /// <summary>Arrivals per second per scenario (open model).</summary>
    public const int RatePerSecond = 20;

    /// <summary>3 s at 20/s: 60 samples, enough for p95 (20 needed) and short enough for the test's time budget.</summary>
    public static readonly TimeSpan Hold = TimeSpan.FromSeconds(3);

    /// <summary>Loads /fast; meets budgets/report-demo-fast.yaml.</summary>
    public static Task FastEndpointAsync(Uri baseAddress, CancellationToken cancellationToken) =>
        RunAndJudgeAsync("fast-endpoint", new Uri(baseAddress, "/fast"), "report-demo-fast", cancellationToken);

    /// <summary>Loads /slow; breaches budgets/report-demo-slow.yaml (p95 about 150 ms, fail above 100 ms).</summary>
    public static Task SlowEndpointAsync(Uri baseAddress, CancellationToken cancellationToken) =>
        RunAndJudgeAsync("slow-endpoint", new Uri(baseAddress, "/slow"), "report-demo-slow", cancellationToken);

    private static async Task RunAndJudgeAsync(string scenarioName, Uri target, string suite, CancellationToken cancellationToken)
    {
        AllureContext.Parameter("rate", $"{RatePerSecond}/s");
        AllureContext.Parameter("hold", Hold);
        AllureContext.Parameter("target", target.AbsolutePath);

        using var http = new HttpStepClient();
        var scenario = Scenario.Create(scenarioName, http.GetStep("get", target))
            .WithLoadSimulations(LoadSimulation.ConstantRate(RatePerSecond, Hold));
        var run = await AllureContext.StepAsync("run load", () => LoadRunner.RunAsync(scenario, new LoadRunnerOptions(), cancellationToken));
        AllureContext.Attach("run summary", run.ToString(), "text/plain", "txt");

        // No overlay: the demo budget is the same for every profile.
        var settings = new PerfRunSettings(1.0, null, "none", null);
        var report = AllureContext.Step("judge against budgets/" + suite + ".yaml", () =>
            BudgetEvaluator.Evaluate(BudgetFiles.Load(suite, settings), new LoadRunMeasurements(run)));
        PerfReport.Attach(run, report, title: scenarioName);
        BudgetAssert.Meets(report);
    }
}
