using PerfTests;
using PerfTests.Analysis.Endurance;
using PerfTests.Suites.Endurance;

namespace Integration.Tests.Suites;

/// <summary>The Endurance suite's growth budget and leak verdict catch a per-request memory leak.</summary>
[TestFixture]
[Category(PerfCategories.Integration)]
public sealed class EnduranceSuiteDefectTests
{
    [Test]
    public async Task SteadyLoad_WithLeak16KbPerRequest_FailsHeapGrowthAndLeakConfidence()
    {
        // 75 requests/s x 16 KB is about 4 GB/h of live heap: far past the 250 MiB/h limit.
        await using var environment = await DefectRun.StartAsync(("LeakBytesPerRequest", "16384"));
        // 75 s: 15 settled samples in 6 s bins; the leak analysis needs at least 10 bins.
        var endurance = new EnduranceRun(TimeSpan.FromSeconds(75));

        var result = await DefectRun.Suite("endurance", environment).WithHttp(http => http.MaxConnectionsPerServer = 128).Run(endurance).EvaluateAsync();

        var failed = DefectRun.FailedMetrics(result);
        Assert.Multiple(() =>
        {
            Assert.That(endurance.Leak!.Verdict, Is.EqualTo(LeakVerdict.Leak));
            Assert.That(failed, Does.Contain("portal-mix metric(memory_growth_mb_per_hour)"));
            Assert.That(failed, Does.Contain("portal-mix metric(memory_leak_probability)"));
        });
    }
}
