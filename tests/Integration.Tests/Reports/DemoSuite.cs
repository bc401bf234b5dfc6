using PerfTests;

namespace Integration.Tests.Reports;

/// <summary>
/// The bodies of two suite-style tests whose Allure results the report test renders, written the way a
/// user writes a performance test: one <see cref="PerfTest"/> each, loading a loopback endpoint and judged
/// by a budget file next to the test assembly. PerfTest writes the report (overview first) and asserts;
/// the breach's message is what the "Budget breach" category matches.
/// </summary>
internal static class DemoSuite
{
    /// <summary>Arrivals per second per scenario (open model).</summary>
    public const int RatePerSecond = 20;

    /// <summary>3 s at 20/s: 60 samples, enough for p95 (20 needed) and short enough for the test's time budget.</summary>
    public static readonly TimeSpan Hold = TimeSpan.FromSeconds(3);

    /// <summary>Loads /fast; meets budgets/report-demo-fast.yaml.</summary>
    public static Task FastEndpointAsync(Uri baseAddress, CancellationToken cancellationToken) =>
        RunAndJudgeAsync("fast-endpoint", baseAddress, "/fast", "report-demo-fast", cancellationToken);

    /// <summary>Loads /slow; breaches budgets/report-demo-slow.yaml (p95 about 150 ms, fail above 100 ms).</summary>
    public static Task SlowEndpointAsync(Uri baseAddress, CancellationToken cancellationToken) =>
        RunAndJudgeAsync("slow-endpoint", baseAddress, "/slow", "report-demo-slow", cancellationToken);

    private static Task<PerfResult> RunAndJudgeAsync(string scenario, Uri baseAddress, string path, string budget, CancellationToken cancellationToken) =>
        PerfTest.Create(budget)
            // No overlay: the demo budget is the same for every profile; its 3 s are not scaled. Never a busy
            // machine: 3 s hold no steady windows to judge a breach again, so beside a neighbour the slow
            // endpoint's breach would end inconclusive (broken), and this demo is about how a breach is reported.
            .WithSettings(new PerfSettings { BudgetOverlay = "none", BusyMachineCpu = 1, SummaryFolder = Path.Combine(Path.GetTempPath(), "perf-report-demo-summaries") })
            .Unscaled()
            .Target(baseAddress)
            .Parameter("rate", $"{RatePerSecond}/s")
            .Parameter("endpoint", path)
            .Load(http => Scenario.Create(scenario, http.Get("get", path)).WithLoadSimulations(LoadSimulation.ConstantRate(RatePerSecond, Hold)))
            .RunAsync(cancellationToken);
}
