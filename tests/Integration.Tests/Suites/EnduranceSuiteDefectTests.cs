using PerfTests.Suites.Endurance;

namespace Integration.Tests.Suites;

/// <summary>The Endurance suite's growth budget and leak verdict catch a per-request memory leak.</summary>
[TestFixture]
[Category(PerfTests.NUnit.PerfCategories.Integration)]
public sealed class EnduranceSuiteDefectTests
{
    [Test]
    public async Task SteadyLoad_WithLeak16KbPerRequest_FailsHeapGrowthAndLeakConfidence()
    {
        // 75 requests/s x 16 KB is about 4 GB/h of live heap: far past the 500 MB/h limit.
        await using var environment = await DefectRun.StartAsync(("LeakBytesPerRequest", "16384"));

        var (_, verdict, measurements) = await EnduranceRun.RunAsync(environment.BaseAddress, TimeSpan.FromSeconds(40), null, CancellationToken.None);
        TestContext.Out.WriteLine(verdict.Describe());
        var report = DefectRun.Evaluate("endurance", measurements);

        var failed = DefectRun.FailedMetrics(report);
        Assert.Multiple(() =>
        {
            Assert.That(verdict.LeakVerdict, Is.EqualTo("leak"));
            Assert.That(failed, Does.Contain("portal-mix metric(heap_growth_mb_per_hour)"));
            Assert.That(failed, Does.Contain("portal-mix metric(leak_confidence)"));
        });
    }
}
