using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Resources;

/// <summary>
/// Hot cache-aside reads at expected load with the test process, the portal's /metrics, PostgreSQL
/// and Redis sampled every second; judged by budgets/resources.yaml with a bottleneck hint.
/// </summary>
[PerfSuite(PerfCategories.Load, Feature = "Resources")]
public sealed class PortalResourceTests : PortalSuite
{
    /// <summary>Nightly length; the PR profile scales it (DurationScale 0.1: 30 s).</summary>
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(5);

    private const int HotClients = 200;

    [Test]
    [Story("Hot reads at expected load stay within memory, CPU, pool, connection and cache budgets")]
    public Task HotReads_AtExpectedLoad_MeetResourceBudgets() =>
        PerfTest.Create("resources")
            .Target(Portal.System)
            .WithHttp(http => http.MaxConnectionsPerServer = 64)
            .WithResources(Portal.ResourceSources())
            // Cache filled before sampling starts: the hit-ratio budget judges the steady state, not cold misses.
            .Setup(async run =>
            {
                for (var i = 0; i < HotClients; i++)
                {
                    await run.Http.GetAsync(Detail(i), run.CancellationToken);
                }
            })
            .Load(http => Scenario.Create("client-detail-hot", http.Get("get", ctx => Detail(ctx.InvocationNumber)))
                .WithWarmUp(TimeSpan.FromSeconds(5))
                .WithLoadSimulations(LoadSimulation.ConstantRate(50, Hold))
                .WithCapacity(maxWorkers: 50))
            .RunAsync();

    private static string Detail(long i) => $"/api/clients/{(i % HotClients) + 1}";
}
