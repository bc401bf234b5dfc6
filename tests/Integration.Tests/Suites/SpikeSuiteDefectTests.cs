using PerfTests;
using PerfTests.Suites.Spike;

namespace Integration.Tests.Suites;

/// <summary>The Spike suite's recovery budget catches a portal that never gets back under 250 ms p95.</summary>
[TestFixture]
[Category(PerfCategories.Integration)]
public sealed class SpikeSuiteDefectTests
{
    [Test]
    public async Task Burst_WithExtraLatency300Ms_FailsTimeToRecover()
    {
        await using var environment = await DefectRun.StartAsync(("ExtraLatencyMs", "300"));
        // After-period longer than the PR limit (10 s), so "never recovered" exceeds it.
        var spike = new SpikeRun(new SpikePlan(10, 10, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(12), TimeSpan.FromMilliseconds(250)));

        var result = await DefectRun.Suite("spike", environment).WithHttp(http => http.MaxConnectionsPerServer = 256).Run(spike).EvaluateAsync();

        Assert.Multiple(() =>
        {
            Assert.That(spike.Recovered, Is.False, $"p95 cannot be <= 250 ms with 300 ms added; measured recovery {spike.Recovery}");
            Assert.That(DefectRun.FailedMetrics(result), Does.Contain("steady metric(time_to_recover)"));
        });
    }
}
