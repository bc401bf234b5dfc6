using PerfTests;
using PerfTests.Suites.Stress;

namespace Integration.Tests.Suites;

/// <summary>The Stress suite's ladder and budget catch a portal made slow on every request.</summary>
[TestFixture]
[Category(PerfCategories.Integration)]
public sealed class StressSuiteDefectTests
{
    [Test]
    public async Task Ladder_WithExtraLatency600Ms_FailsSustainableRateAndStepP95()
    {
        await using var environment = await DefectRun.StartAsync(("ExtraLatencyMs", "600"));
        var ladder = new StressLadder(PortalStressTests.PortalMix, [5, 10], TimeSpan.FromSeconds(6));

        var result = await DefectRun.Suite("stress", environment).WithHttp(http => http.MaxConnectionsPerServer = 256).Run(ladder).EvaluateAsync();

        var failed = DefectRun.FailedMetrics(result);
        Assert.Multiple(() =>
        {
            Assert.That(ladder.Result!.LastSustainable, Is.Null, "no rung can meet a 500 ms p95 with 600 ms added to every request");
            Assert.That(failed, Does.Contain("portal-mix metric(sustainable_rps)"));
            Assert.That(failed, Does.Contain("portal-mix/login p(95)"));
        });
    }
}
