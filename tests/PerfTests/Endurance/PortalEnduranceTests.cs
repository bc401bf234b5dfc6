using PerfTests;
using PerfTests.Reporting.Context;
using PerfTests.Reporting.NUnit;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Endurance;

/// <summary>
/// Endurance / soak (seed 004: 100 users, 2 hours): steady load while the process's memory is
/// sampled every second; judged on latency drift (slope of per-interval p95), live-heap growth and
/// the leak verdict's confidence, besides the usual latency and error budgets.
/// The statistics are harness/Analysis's (Theil-Sen, Mann-Kendall, leak verdict with confidence).
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

        var (run, drift, leak, measurements) = await AllureContext.StepAsync("run load", () =>
            EnduranceRun.RunAsync(environment.BaseAddress, hold, TestContext.Progress, CancellationToken.None));

        TestContext.Out.WriteLine(run.ToString());
        // The test process hosts the portal AND the load engine: memory growth includes the engine's (small) share.
        var analysis = $"{drift}{System.Environment.NewLine}{leak} (test process: portal + engine)";
        TestContext.Out.WriteLine(analysis);
        AllureContext.Attach("endurance analysis", analysis, "text/plain", "txt");
        if (drift.DriftMsPerHour is { } driftPerHour)
        {
            AllureContext.Metric("endurance.p95_drift_ms_per_hour", driftPerHour, "ms/h", MetricDirection.LowerIsBetter);
        }

        if (leak.GrowthMbPerHour is { } growth)
        {
            AllureContext.Metric("endurance.memory_growth_mb_per_hour", growth, "MB/h", MetricDirection.LowerIsBetter);
        }
        SuiteRun.Judge(run, measurements, "endurance");
    }
}
