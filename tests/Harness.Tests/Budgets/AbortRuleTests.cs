using PerfTests.Budgets;

namespace Harness.Tests.Budgets;

/// <summary>abort_on_fail / delay_abort_eval: which lost threshold stops a run, and when.</summary>
public sealed class AbortRuleTests
{
    private const string Yaml = """
        scenarios:
          s:
            thresholds:
              - p(95) < 500ms
              - { threshold: "error_rate < 50%", abort_on_fail: true, delay_abort_eval: 10s }
              - { threshold: "metric(queue_depth) < 10", abort_on_fail: true }
        """;

    private static readonly Budget Budget = BudgetLoader.Parse(Yaml, "abort.yaml");

    private static InMemoryMeasurements Scope(int requests, int failures, double latencyMs = 10) =>
        new InMemoryMeasurements().Add("s", null, new InMemoryScopeMeasurements(Enumerable.Repeat(latencyMs, requests), failures, TimeSpan.FromSeconds(1)));

    [Test]
    public void Parse_AbortRules_KeepDelayPerThreshold()
    {
        var metrics = Budget.Scopes.Single().Metrics;

        Assert.That(Budget.HasAbortRules, Is.True);
        Assert.That(metrics.Select(m => m.Abort?.Delay), Is.EqualTo(new TimeSpan?[] { null, TimeSpan.FromSeconds(10), TimeSpan.Zero }));
        Assert.That(BudgetLoader.Parse("scenarios: { s: { thresholds: [ \"p(95) < 5ms\" ] } }", "plain.yaml").HasAbortRules, Is.False);
    }

    [Test]
    public void FindAbort_BeforeTheDelay_DoesNotAbortOnALostThreshold()
    {
        Assert.That(BudgetEvaluator.FindAbort(Budget, Scope(100, 90), TimeSpan.FromSeconds(9)), Is.Null);
    }

    [Test]
    public void FindAbort_AtTheDelay_AbortsOnTheLostThresholdWithItsFigures()
    {
        var lost = BudgetEvaluator.FindAbort(Budget, Scope(100, 90), TimeSpan.FromSeconds(10));

        Assert.That(lost, Is.Not.Null);
        Assert.That(lost!.Metric.Kind, Is.EqualTo(MetricKind.ErrorRate));
        Assert.That(lost.ActualText, Is.EqualTo("90%"));
        Assert.That(lost.BrokenLimitText, Is.EqualTo("< 50%"));
        Assert.That(lost.Budget.Location.Line, Is.EqualTo(5));
    }

    [TestCase(100, 49)]
    [TestCase(0, 0)]
    public void FindAbort_HeldOrNotEnoughData_DoesNotAbort(int requests, int failures)
    {
        Assert.That(BudgetEvaluator.FindAbort(Budget, Scope(requests, failures), TimeSpan.FromMinutes(1)), Is.Null);
    }

    [Test]
    public void FindAbort_ThresholdWithoutAbortOnFail_NeverAborts()
    {
        // p(95) < 500ms is lost badly, but only the end of the run judges it.
        Assert.That(BudgetEvaluator.FindAbort(Budget, Scope(100, 0, latencyMs: 5_000), TimeSpan.FromMinutes(1)), Is.Null);
    }

    [Test]
    public void FindAbort_CustomMetricNotReportedYet_DoesNotAbort()
    {
        // metric(queue_depth) is added by the workload after the load: while the load runs it is simply not there yet.
        Assert.That(BudgetEvaluator.FindAbort(Budget, Scope(100, 0), TimeSpan.FromSeconds(30)), Is.Null);
    }

    [Test]
    public void FindAbort_CustomMetricReportedAndLost_Aborts()
    {
        var live = new InMemoryMeasurements().Add("s", null,
            new InMemoryScopeMeasurements(Enumerable.Repeat(10.0, 100), 0, TimeSpan.FromSeconds(1)).WithMetric("queue_depth", 25));

        Assert.That(BudgetEvaluator.FindAbort(Budget, live, TimeSpan.Zero)?.Metric.Name, Is.EqualTo("metric(queue_depth)"));
    }
}
