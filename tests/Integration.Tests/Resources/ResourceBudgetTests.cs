using PerfTests.Load.Results;
using PerfTests.Budgets;
using PerfTests;
using PerfTests.Resources;

namespace Integration.Tests.Resources;

/// <summary>
/// Resource budgets catch the defects latency alone would hide: each defect run is paired with a
/// healthy run under the same load, which must pass the same budget, so the budget discriminates.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class ResourceBudgetTests
{
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(6);

    private static readonly Budget PoolBudget = BudgetLoader.Parse("""
        suite: resources
        scenarios:
          portal:
            tiers:
              metric(app.pool_usage.p95): { target: 50%, warn: 70%, fail: 80% }
        """, "resources-pool.yaml");

    private static readonly Budget CacheBudget = BudgetLoader.Parse("""
        suite: resources
        scenarios:
          portal:
            tiers:
              metric(app.cache_hit_ratio.mean): { target: 95%, warn: 85%, fail: 80%, higher_is_better: true }
        """, "resources-cache.yaml");

    [Test]
    public async Task PoolBudget_TinyPoolUnderSlowQueries_FailsAndTheHintNamesThePool()
    {
        static string List(long i) => $"/api/clients?page={(i % 4) + 1}&size=50";
        var slow = new Dictionary<string, string?>
        {
            ["SampleSystem:SlowQuery"] = "true",
            ["SampleSystem:SlowQueryDelayMs"] = "100",
            ["SampleSystem:Database:ConnectionTimeoutSeconds"] = "1",
        };

        var (healthyRun, healthy) = await SampledPortalRun.RunAsync(new(slow) { ["SampleSystem:Database:MaxPoolSize"] = "50" }, List, 30, Hold);
        var (tinyRun, tiny) = await SampledPortalRun.RunAsync(new(slow) { ["SampleSystem:Database:MaxPoolSize"] = "1" }, List, 30, Hold);

        AssertPasses(PoolBudget, Measured(healthyRun, healthy));
        var report = BudgetEvaluator.Evaluate(PoolBudget, Measured(tinyRun, tiny));
        var hint = BottleneckHint.For(tiny, tinyRun);
        TestContext.Out.WriteLine(BudgetReportFormatter.Table(report));
        TestContext.Out.WriteLine("hint: " + hint);

        Assert.That(report.Failures.Select(f => f.Metric.Name), Is.EqualTo(new List<string> { "metric(app.pool_usage.p95)" }));
        Assert.That(hint, Does.Contain("DB connection pool exhausted: app.pool_usage"));
        Assert.That(BottleneckHint.For(healthy, healthyRun) ?? string.Empty, Does.Not.Contain("pool"));
    }

    [Test]
    public async Task HitRatioBudget_CacheDisabled_FailsWhileTheEnabledCachePasses()
    {
        static string Detail(long i) => $"/api/clients/{(i % 50) + 1}";

        var (enabledRun, enabled) = await SampledPortalRun.RunAsync(new() { ["SampleSystem:CacheEnabled"] = "true" }, Detail, 30, Hold, prime: true);
        var (disabledRun, disabled) = await SampledPortalRun.RunAsync(new() { ["SampleSystem:CacheEnabled"] = "false" }, Detail, 30, Hold, prime: true);

        AssertPasses(CacheBudget, Measured(enabledRun, enabled));
        var report = BudgetEvaluator.Evaluate(CacheBudget, Measured(disabledRun, disabled));
        TestContext.Out.WriteLine(BudgetReportFormatter.Table(report));

        Assert.That(report.Failures.Select(f => f.Metric.Name), Is.EqualTo(new List<string> { "metric(app.cache_hit_ratio.mean)" }));
        Assert.That(report.Failures.Single().Actual, Is.Zero);
        // The budget line catches the disabled cache; a ratio that was never high is no bottleneck hint by itself.
        Assert.That(BottleneckHint.For(disabled, disabledRun) ?? string.Empty, Does.Not.Contain("cache hit ratio"));
    }

    /// <summary>The run with every resource aggregate as a metric of its scenario, as the pipeline judges them.</summary>
    private static LoadRunMeasurements Measured(LoadRunResult run, ResourceReport resources)
    {
        var measurements = new LoadRunMeasurements(run);
        foreach (var (name, value) in resources.ToMetrics())
        {
            measurements.WithMetric(SampledPortalRun.Scenario, name, value);
        }

        return measurements;
    }

    private static void AssertPasses(Budget budget, IMeasurements measurements)
    {
        var report = BudgetEvaluator.Evaluate(budget, measurements);
        Assert.That(report.Failed, Is.False, "the healthy run must pass the same budget:" + System.Environment.NewLine + BudgetReportFormatter.Table(report));
    }
}
