using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Endurance;

/// <summary>
/// Endurance / soak (seed 004: 100 users, 2 hours): steady load while the process's memory is
/// sampled every second; judged on latency drift (slope of per-interval p95), live-heap growth and
/// the leak verdict's confidence, besides the usual latency and error budgets.
/// The statistics are harness/Analysis's (Theil-Sen, Mann-Kendall, leak verdict with confidence).
/// </summary>
[PerfSuite(PerfCategories.Endurance)]
public sealed class PortalEnduranceTests : PortalSuite
{
    [Test]
    [Story("Steady load shows no latency drift and no memory leak")]
    public Task SteadyLoad_OverHold_NoDriftNoLeak() =>
        PerfTest.Create("endurance")
            .Target(Portal.System)
            .Parameter("rate", $"{EnduranceRun.PerSecond}/s")
            .WithHttp(http => http.MaxConnectionsPerServer = 128)
            // The hold is set directly (EnduranceHold) or scaled from 2 h in EnduranceHold.For.
            .Unscaled()
            .Run(new EnduranceRun(EnduranceHold.For(PerfSettings.Current)))
            .RunAsync();
}
