using PerfTests.NUnit;
using PerfTests.Reporting.Context;
using PerfTests.Reporting.NUnit;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Endurance;

/// <summary>
/// Endurance / soak (seed 004: 100 users, 2 hours): steady load while the process's memory is
/// sampled every second; judged on latency drift (slope of per-interval p95), live-heap growth and
/// the leak verdict's confidence, besides the usual latency and error budgets.
/// The analysis is a least-squares slope of this folder (see TrendLine) until harness/Analysis lands.
/// </summary>
[TestFixture]
[Category(PerfCategories.Endurance)]
[Epic("Performance")]
[Feature("Endurance")]
public sealed class PortalEnduranceTests
{
    [Test]
    [Story("Steady load shows no latency drift and no memory leak")]
    public async Task SteadyLoad_OverHold_NoDriftNoLeak()
    {
        var environment = EnduranceSuiteSetUp.Current;
        var hold = EnduranceHold.Current;
        AllureContext.Parameter("hold", hold);
        AllureContext.Parameter("rate", $"{EnduranceRun.PerSecond}/s");

        var (run, verdict, measurements) = await AllureContext.StepAsync("run load", () =>
            EnduranceRun.RunAsync(environment.BaseAddress, hold, TestContext.Progress, CancellationToken.None));

        TestContext.Out.WriteLine(run.ToString());
        TestContext.Out.WriteLine(verdict.Describe());
        AllureContext.Attach("endurance analysis", verdict.Describe(), "text/plain", "txt");
        AllureContext.Metric("endurance.p95_drift_ms", verdict.P95DriftOverRunMs, "ms", MetricDirection.LowerIsBetter);
        AllureContext.Metric("endurance.heap_growth_mb_per_hour", verdict.HeapGrowthMbPerHour, "MB/h", MetricDirection.LowerIsBetter);
        SuiteRun.Judge(measurements, "endurance");
    }
}
