using PerfTests.Gates;
using PerfTests.Budgets;
using PerfTests.Load.Histograms;
using PerfTests.Load.Results;
using PerfTests;
using PerfTests.Resources;
using static Harness.Tests.Resources.ResourceReportTests;

namespace Harness.Tests.Resources;

[TestFixture]
public sealed class BottleneckHintTests
{
    [Test]
    public void For_PoolFullMostOfTheRun_NamesThePool()
    {
        var resources = Report(("app.pool_usage", [0.5, 1, 1, 1]), ("app.cache_hit_ratio", [0.95, 0.9]));

        var hint = BottleneckHint.For(resources);

        Assert.That(hint, Does.Contain("DB connection pool exhausted: app.pool_usage p95 100%"));
        Assert.That(hint, Does.Not.Contain("cache"));
    }

    [Test]
    public void For_CacheHitRatioThatDropped_SaysItDropped()
    {
        var hint = BottleneckHint.For(Report(("app.cache_hit_ratio", [0.95, 0.9, 0.1, 0, 0, 0, 0])));

        Assert.That(hint, Does.Contain("cache hit ratio dropped (cache flushed, evicting or unreachable): app.cache_hit_ratio mean 27.9% after a peak of 95%"));
    }

    [Test]
    public void For_CacheHitRatioNeverHigh_IsNoBottleneckByItself()
    {
        // A load of new keys (the Load mix) has a ratio near 0 all along: that is the workload, not the cause of a breach.
        Assert.That(BottleneckHint.For(Report(("app.cache_hit_ratio", [0, 0.1, 0]), ("redis.hit_ratio", [0, 0]))), Is.Null);
    }

    [Test]
    public void For_ForeignCpu_NamedFirst()
    {
        var hint = BottleneckHint.For(Report(("app.pool_usage", [1, 1, 1]), ("machine.cpu", [1, 1, 1]), ("machine.foreign_cpu", [0.7, 0.6, 0.5])));

        Assert.That(hint, Does.StartWith("saturated during the run: machine busy: other processes used 60% of all cores (machine.foreign_cpu mean, peak 70%); DB connection pool exhausted"));
    }

    [Test]
    public void For_StallAtTheStart_NamedAsAStartUpStall()
    {
        // Two seconds at 2.5 s, a catch-up burst of 257 against 100 planned, thread-pool threads 3 -> 6.
        var timeline = Enumerable.Range(1, 30).Select(second => second switch
        {
            <= 2 => new TimelinePoint(second, 40, 0, 0, 0, 2_000_000, 2_500_000, 2_900_000),
            3 => new TimelinePoint(second, 257, 0, 0, 0, 300_000, 900_000, 1_000_000),
            _ => new TimelinePoint(second, 100, 0, 0, 0, 10_000, 30_000, 45_000),
        }).ToList();
        var run = Run(requests: 3_000, dropped: 0);
        run = run with { Scenarios = [run.Scenarios[0] with { Timeline = timeline }] };

        var hint = BottleneckHint.For(Report(("test_process.threadpool_threads", [3, 4, 6, 6])), run);

        Assert.That(hint, Does.Contain("start-up stall: p95 up to 2500 ms in the first 10 s against 30 ms later, then a catch-up burst of 257 req/s against 100 planned (test_process.threadpool_threads 3 -> 6 thread-pool threads)"));
    }

    [Test]
    public void For_SteadyRunWithoutStall_NoStartUpStall()
    {
        var timeline = Enumerable.Range(1, 30).Select(second => new TimelinePoint(second, 100, 0, 0, 0, 10_000, 30_000 + (second % 3 * 1_000), 45_000)).ToList();
        var run = Run(requests: 3_000, dropped: 0);
        run = run with { Scenarios = [run.Scenarios[0] with { Timeline = timeline }] };

        Assert.That(BottleneckHint.For(Report(("test_process.threadpool_threads", [3, 4, 6, 6])), run), Is.Null);
    }

    [Test]
    public void For_CpuPegged_SaysSo()
    {
        var hint = BottleneckHint.For(Report(("test_process.cpu", [0.97, 0.99, 0.98])));

        Assert.That(hint, Does.Contain("CPU pegged: test_process.cpu p95 99%"));
    }

    [Test]
    public void For_EverythingHealthy_IsNull()
    {
        var resources = Report(("app.pool_usage", [0.1, 0.2]), ("app.cache_hit_ratio", [0.9]), ("test_process.cpu", [0.4]));

        Assert.That(BottleneckHint.For(resources), Is.Null);
    }

    [Test]
    public void For_EngineDroppedArrivals_FlagsTheGeneratorWithTheTestProcessCpu()
    {
        var resources = Report(("test_process.cpu", [0.95, 0.96]));

        var hint = BottleneckHint.For(resources, Run(requests: 90, dropped: 10));

        Assert.That(hint, Does.Contain("load generator saturated: 10 of 100 arrivals dropped (10%), with the test process (generator included) at p95 96% CPU"));
    }

    [Test]
    public void GeneratorSaturation_NoDrops_IsNotSaturatedEvenAtHighCpu()
    {
        Assert.That(GeneratorSaturation.IsSaturated(Run(requests: 100, dropped: 0), Report(("test_process.cpu", [1.0]))), Is.False);
    }

    [Test]
    public void RunMeasurements_Resources_AggregatesAreBudgetMetricsOfEveryScenario()
    {
        var measurements = Measured(Run(requests: 100, dropped: 0), Report(("pg.connections", [3, 9])));

        Assert.That(measurements.Find("s", null)!.Metric("pg.connections.peak"), Is.EqualTo(9));
        Assert.That(measurements.Find("s", null)!.Metric("pg.connections.mean"), Is.EqualTo(6));
    }

    [Test]
    public void BudgetFailureMessage_WithHint_CarriesItAfterTheBreaches()
    {
        var budget = BudgetLoader.Parse("""
            suite: res
            scenarios:
              s:
                thresholds: [ "metric(app.pool_usage.p95) < 80%" ]
            """, "budgets/res.yaml");
        var measurements = Measured(Run(requests: 100, dropped: 0), Report(("app.pool_usage", [1, 1])));
        var report = BudgetEvaluator.Evaluate(budget, measurements);

        var text = BudgetMessages.Failure(report, "TABLE", BottleneckHint.For(Report(("app.pool_usage", [1, 1]))));

        Assert.That(report.Failed, Is.True);
        Assert.That(text, Does.Contain("Bottleneck hint: saturated during the run: DB connection pool exhausted"));
    }

    private static LoadRunResult Run(long requests, long dropped)
    {
        var histogram = HistogramSettings.Create();
        for (var i = 0; i < requests; i++)
        {
            histogram.RecordValue(1000);
        }

        var latency = new LatencyStats(histogram);
        var scenario = new ScenarioResult
        {
            Name = "s", Duration = TimeSpan.FromSeconds(10), Latency = latency, UncorrectedLatency = latency,
            OkCount = requests, FailCount = 0, DroppedCount = dropped, InterruptedCount = 0, Bytes = 0,
            RequestsPerSecond = requests / 10.0, BytesPerSecond = 0, StatusCodes = new Dictionary<string, long>(),
            Steps = [], Timeline = [],
        };
        return new LoadRunResult { StartedAt = DateTimeOffset.UnixEpoch, Duration = TimeSpan.FromSeconds(10), IsCancelled = false, Scenarios = [scenario] };
    }

    private static RunMeasurements Measured(LoadRunResult run, ResourceReport resources) =>
        new([new LoadRunMeasurements(run)], new Dictionary<string, IReadOnlyDictionary<string, double>>(), resources.ToMetrics());
}
