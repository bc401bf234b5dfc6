using PerfTests.Budgets;
using PerfTests.Load.Histograms;
using PerfTests.Load.Results;
using PerfTests;

namespace Harness.Tests.Pipeline;

public sealed class LoadRunMeasurementsTests
{
    private const string Budget = """
        suite: load
        scenarios:
          clients-list:
            thresholds:
              - p(95) < 150ms
              - rate < 1%
              - dropped == 0
            steps:
              fetch:
                thresholds:
                  - p(99) < 1s
        """;

    [Test]
    public void Find_Scenario_ConvertsMicrosecondsToMillisecondsAndCountsFailures()
    {
        var run = Run(latenciesUs: Enumerable.Range(1, 1000).Select(i => i * 100L), failures: 10, dropped: 3);

        var scope = new LoadRunMeasurements(run).Find("clients-list", null)!;

        Assert.Multiple(() =>
        {
            Assert.That(scope.LatencySampleCount, Is.EqualTo(1000));
            Assert.That(scope.LatencyAtPercentileMs(95), Is.EqualTo(95.0).Within(0.1), "p95 of 0.1..100 ms");
            Assert.That(scope.MaxLatencyMs, Is.EqualTo(100.0).Within(0.1));
            Assert.That(scope.RequestCount, Is.EqualTo(1000));
            Assert.That(scope.FailureCount, Is.EqualTo(10));
            Assert.That(scope.DroppedCount, Is.EqualTo(3));
        });
    }

    [Test]
    public void Find_UnknownScenarioOrStep_ReturnsNull()
    {
        var measurements = new LoadRunMeasurements(Run([1000], failures: 0, dropped: 0));

        Assert.That(measurements.Find("nope", null), Is.Null);
        Assert.That(measurements.Find("clients-list", "nope"), Is.Null);
        Assert.That(measurements.Find("clients-list", "fetch"), Is.Not.Null);
    }

    [Test]
    public void Evaluate_EmptyRun_IsNotEnoughDataNotAPassingZero()
    {
        var measurements = new LoadRunMeasurements(Run([], failures: 0, dropped: 0));

        var report = BudgetEvaluator.Evaluate(BudgetLoader.Parse(Budget, "load.yaml"), measurements);

        var p95 = report.Conclusions.Single(c => c.Scope == "clients-list" && c.Metric.ToString() == "p(95)");
        Assert.That(p95.Verdict, Is.EqualTo(BudgetVerdict.Fail));
        Assert.That(p95.InsufficientData, Is.True);
    }

    [Test]
    public void Evaluate_SlowRun_FailsTheLatencyBudget()
    {
        var measurements = new LoadRunMeasurements(Run(Enumerable.Repeat(400_000L, 200), failures: 0, dropped: 0));

        var report = BudgetEvaluator.Evaluate(BudgetLoader.Parse(Budget, "load.yaml"), measurements);

        Assert.That(report.Failures.Select(c => c.Metric.ToString()), Is.EqualTo(["p(95)"]));
    }

    [Test]
    public void WithMetric_IsVisibleToTheScenarioScopeOnly()
    {
        var measurements = new LoadRunMeasurements(Run([1000], 0, 0)).WithMetric("clients-list", "cache_hit_ratio", 0.9);

        Assert.That(measurements.Find("clients-list", null)!.Metric("cache_hit_ratio"), Is.EqualTo(0.9));
        Assert.That(measurements.Find("clients-list", "fetch")!.Metric("cache_hit_ratio"), Is.Null);
    }

    private static LoadRunResult Run(IEnumerable<long> latenciesUs, long failures, long dropped)
    {
        var histogram = HistogramSettings.Create();
        foreach (var us in latenciesUs)
        {
            histogram.RecordValue(us);
        }

        var latency = new LatencyStats(histogram);
        var requests = histogram.TotalCount;
        var step = new StepStats
        {
            Name = "fetch", Latency = latency, OkCount = requests - failures, FailCount = failures, Bytes = 0,
            StatusCodes = new Dictionary<string, long>(), RequestsPerSecond = requests / 10.0, BytesPerSecond = 0,
        };
        var scenario = new ScenarioResult
        {
            Name = "clients-list", Duration = TimeSpan.FromSeconds(10), Latency = latency, UncorrectedLatency = latency,
            OkCount = requests - failures, FailCount = failures, DroppedCount = dropped, InterruptedCount = 0, Bytes = 0,
            RequestsPerSecond = requests / 10.0, BytesPerSecond = 0, StatusCodes = new Dictionary<string, long>(),
            Steps = [step], Timeline = [],
        };
        return new LoadRunResult { StartedAt = DateTimeOffset.UnixEpoch, Duration = TimeSpan.FromSeconds(10), IsCancelled = false, Scenarios = [scenario] };
    }
}
