using PerfTests.Load.Http;
using PerfTests;
using PerfTests.Reporting.NUnit;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Resources;

/// <summary>
/// Hot cache-aside reads at expected load with the test process, the portal's /metrics, PostgreSQL
/// and Redis sampled every second; judged by budgets/resources.yaml with a bottleneck hint.
/// </summary>
[TestFixture]
[Category(PerfCategories.Load)]
[Epic("Performance")]
[Feature("Resources")]
public sealed class PortalResourceTests
{
    /// <summary>Nightly length; the PR profile scales it (DurationScale 0.1: 30 s).</summary>
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(5);

    private const int HotClients = 200;

    [Test]
    [Story("Hot reads at expected load stay within memory, CPU, pool, connection and cache budgets")]
    public async Task HotReads_AtExpectedLoad_MeetResourceBudgets()
    {
        var environment = ResourcesSuiteSetUp.Current;
        var hold = PerfRunSettings.Current.Scale(Hold);
        using var http = new HttpStepClient(new HttpStepOptions { MaxConnectionsPerServer = 64 });
        Uri Detail(long i) => new(environment.BaseAddress, $"/api/clients/{(i % HotClients) + 1}");
        var scenario = Scenario.Create("client-detail-hot", Step.Create("get", ctx => http.GetAsync(Detail(ctx.InvocationNumber), ctx.CancellationToken)))
            .WithWarmUp(TimeSpan.FromSeconds(5))
            .WithLoadSimulations(LoadSimulation.ConstantRate(50, hold))
            .WithCapacity(maxWorkers: 50);

        // Fill the cache before sampling starts: the hit-ratio budget judges the steady state, not cold misses.
        for (var i = 0; i < HotClients; i++)
        {
            await http.GetAsync(Detail(i), CancellationToken.None);
        }

        var sampled = await SuiteRun.RunSampledAsync(environment, [scenario], CancellationToken.None);

        SuiteRun.Judge(sampled, "resources");
    }
}
