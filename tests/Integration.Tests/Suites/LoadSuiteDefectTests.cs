using PerfTests;
using PerfTests.Suites.Infrastructure;
using PerfTests.Suites.Load;

namespace Integration.Tests.Suites;

/// <summary>The Load suite's per-endpoint p95 budgets catch a portal that got 250 ms slower.</summary>
[TestFixture]
[Category(PerfCategories.Integration)]
public sealed class LoadSuiteDefectTests
{
    [Test]
    public async Task WeightedMix_WithExtraLatency250Ms_FailsTheFastEndpointsP95()
    {
        await using var environment = await DefectRun.StartAsync(("ExtraLatencyMs", "250"));

        var result = await DefectRun.Suite("load", environment)
            .WithHttp(http => http.MaxConnectionsPerServer = 64)
            .Load(http => PortalMix.Build(new PortalSteps(http), TimeSpan.FromSeconds(10)))
            .EvaluateAsync();

        // 250 ms added to every request breaks the 200 ms fail limit of detail and login p95, but
        // not the 500 ms of the list or the 2 s of IRR: the budget names exactly the endpoints hit.
        var failed = DefectRun.FailedMetrics(result);
        Assert.Multiple(() =>
        {
            Assert.That(failed, Does.Contain("client-detail p(95)"));
            Assert.That(failed, Does.Contain("login p(95)"));
            Assert.That(failed, Does.Not.Contain("portfolio-irr p(95)"));
            Assert.That(result.FailureMessage, Does.StartWith("Budget 'load' breached"), "the one assert message the suite would fail with");
        });
    }
}
