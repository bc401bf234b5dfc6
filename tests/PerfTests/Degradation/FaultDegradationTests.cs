using PerfTests.Containers.Faults;
using PerfTests;
using PerfTests.Reporting.Context;
using PerfTests.Reporting.NUnit;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Degradation;

/// <summary>
/// Degradation under faults: a dependency breaks mid-run and the portal must degrade gracefully
/// (slower, not failing). Category <c>Degradation</c> (see <see cref="DegradationCategory"/>).
/// </summary>
[TestFixture]
[Category(DegradationCategory.Name)]
[Epic("Performance")]
[Feature("Degradation")]
public sealed class FaultDegradationTests
{
    /// <summary>Nightly length; PR (0.1): 30 s, the least that shows before / during / after.</summary>
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(5);

    [Test]
    [Story("Redis paused mid-run: cache-aside falls back to Postgres, latency rises, no errors")]
    public async Task RedisPaused_MidRun_ServesFromPostgresWithoutErrors()
    {
        var hold = HoldForRun();
        AllureContext.Parameter("hold", hold);
        var (run, measurements, summary) = await FaultDegradationRuns.RedisPausedAsync(DegradationSuiteSetUp.Current, hold, CancellationToken.None);
        Report(run.ToString(), summary);
        SuiteRun.Judge(run, measurements, "degradation-redis", [new FaultWindow(hold / 3, hold * 2 / 3, "Redis container paused")]);
    }

    [Test]
    [Story("Downstream answers 30% 503s: retries and last known prices keep valuations answering")]
    public async Task DownstreamThirtyPercent503_MidRun_ValuationsKeepAnswering()
    {
        var hold = HoldForRun();
        AllureContext.Parameter("hold", hold);
        var (run, measurements, summary) = await FaultDegradationRuns.DownstreamErrorsAsync(DegradationSuiteSetUp.Current, hold, CancellationToken.None);
        Report(run.ToString(), summary);
        SuiteRun.Judge(run, measurements, "degradation-downstream", FaultWindow.Windows(DegradationSuiteSetUp.Current.Faults.Timeline, run.StartedAt));
    }

    private static TimeSpan HoldForRun()
    {
        var scaled = PerfRunSettings.Current.Scale(Hold);
        return scaled < TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(30) : scaled;
    }

    private static void Report(string run, string summary)
    {
        TestContext.Out.WriteLine(run);
        TestContext.Out.WriteLine(summary);
        AllureContext.Attach("fault summary", summary, "text/plain", "txt");
    }
}
