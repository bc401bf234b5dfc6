using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Degradation;

/// <summary>
/// Degradation under faults: a dependency breaks mid-run and the portal must degrade gracefully
/// (slower, not failing). Category Degradation: it breaks dependencies on purpose, which a plain Load run should not.
/// </summary>
[PerfSuite(PerfCategories.Degradation)]
public sealed class FaultDegradationTests : PortalSuite
{
    /// <summary>Nightly length; PR (0.1): 30 s.</summary>
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(5);

    /// <summary>The least that shows before / during / after: shorter profiles are raised to it.</summary>
    private static readonly TimeSpan ShortestHold = TimeSpan.FromSeconds(30);

    [Test]
    [Story("Redis paused mid-run: cache-aside falls back to Postgres, latency rises, no errors")]
    public Task RedisPaused_MidRun_ServesFromPostgresWithoutErrors() =>
        PerfTest.Create("degradation-redis")
            .Target(Portal.System)
            .WithHttp(http => http.MaxConnectionsPerServer = 64)
            // Scaled here, with a floor: the fault's timing is a share of the hold.
            .Unscaled()
            .Run(FaultDegradationRuns.RedisPaused(Portal, HoldForRun()))
            .RunAsync();

    [Test]
    [Story("Downstream answers 30% 503s: retries and last known prices keep valuations answering")]
    public Task DownstreamThirtyPercent503_MidRun_ValuationsKeepAnswering() =>
        PerfTest.Create("degradation-downstream")
            .Target(Portal.System)
            .WithHttp(http => http.MaxConnectionsPerServer = 64)
            .Unscaled()
            .Run(FaultDegradationRuns.DownstreamErrors503(Portal, HoldForRun()))
            .RunAsync();

    private static TimeSpan HoldForRun()
    {
        var scaled = PerfSettings.Current.Scale(Hold);
        return scaled < ShortestHold ? ShortestHold : scaled;
    }
}
