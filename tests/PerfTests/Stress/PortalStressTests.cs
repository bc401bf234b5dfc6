using PerfTests;
using PerfTests.Reporting.Context;
using PerfTests.Reporting.NUnit;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Stress;

/// <summary>
/// Stress (seed 004: 500 users, 15 minutes): the arrival rate doubles rung by rung until a budget
/// breaks. Reports the breaking point (max sustainable rate within budget) and what errors, drops
/// and latency look like on the first rung past it.
/// </summary>
[TestFixture]
[Category(PerfCategories.Stress)]
[Epic("Performance")]
[Feature("Stress")]
public sealed class PortalStressTests
{
    /// <summary>Nightly length of one rung (up to 7 rungs: 14 minutes plus warm-ups, seed 004 says 15); PR (0.1): 12 s.</summary>
    private static readonly TimeSpan Rung = TimeSpan.FromSeconds(120);

    [Test]
    [Story("Stepping the arrival rate up finds the breaking point, which must sit above the budgeted floor")]
    public async Task ArrivalRateLadder_UntilBudgetBreaks_SustainsBudgetedRate()
    {
        var environment = StressSuiteSetUp.Current;
        var rung = PerfRunSettings.Current.Scale(Rung);
        AllureContext.Parameter("rung", rung);
        AllureContext.Parameter("rates", string.Join(", ", StressLadder.DefaultRates));
        var budget = BudgetFiles.Load("stress");

        var ladder = await AllureContext.StepAsync("stress ladder", () =>
            StressLadder.RunAsync(environment.BaseAddress, budget, StressLadder.DefaultRates, rung, TestContext.Out, CancellationToken.None));

        var summary = string.Join(System.Environment.NewLine, ladder.Rungs.Select(r => r.Describe()));
        AllureContext.Attach("ladder", summary, "text/plain", "txt");
        AllureContext.Metric("stress.sustainable_rps", ladder.SustainablePerSecond, "/s", MetricDirection.HigherIsBetter);
        TestContext.Out.WriteLine(ladder.FirstBroken is { } broken
            ? $"Breaking point: {ladder.SustainablePerSecond:0.0} iterations/s sustained; at {broken.OfferedPerSecond:0}/s offered errors were {broken.ErrorRate:P1}, dropped {broken.Result.DroppedCount}, p95 {broken.Result.Latency.P95.ValueUs / 1000.0:0} ms"
            : $"No rung broke the budget: at least {ladder.SustainablePerSecond:0.0} iterations/s sustained (raise the ladder)");

        SuiteRun.Judge((ladder.LastSustainable ?? ladder.Rungs[0]).Run, StressLadder.Measurements(ladder), "stress");
    }

    [Test]
    [Story("An exhausted database pool sheds the excess as fast 503s, never hangs")]
    public async Task TinyPool_OfferedTwiceItsCapacity_ShedsWith503WithinConnectionTimeout()
    {
        var hold = PerfRunSettings.Current.Scale(TimeSpan.FromMinutes(2));
        hold = hold < TimeSpan.FromSeconds(15) ? TimeSpan.FromSeconds(15) : hold;
        AllureContext.Parameter("hold", hold);
        AllureContext.Parameter("pool", "2 connections, 100 ms per lease, 1 s connection timeout");
        // Its own portal (on its own containers): the suite's portal keeps its normal pool.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await using var environment = await PortalEnvironment.StartAsync(PoolExhaustion.Settings, timeout.Token);

        var (run, measurements, summary) = await AllureContext.StepAsync("offer 40/s to a 20/s pool", () =>
            PoolExhaustion.RunAsync(environment.BaseAddress, 40, hold, CancellationToken.None));

        TestContext.Out.WriteLine(run.ToString());
        TestContext.Out.WriteLine(summary);
        AllureContext.Attach("pool exhaustion", summary, "text/plain", "txt");
        SuiteRun.Judge(run, measurements, "stress-pool");
    }
}
