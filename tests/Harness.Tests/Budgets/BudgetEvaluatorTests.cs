using PerfTests.Budgets;

namespace Harness.Tests.Budgets;

[TestFixture]
public sealed class BudgetEvaluatorTests
{
    private static readonly TimeSpan TenSeconds = TimeSpan.FromSeconds(10);

    /// <summary>n requests whose latencies are all <paramref name="latencyMs"/>.</summary>
    private static InMemoryScopeMeasurements Flat(int n, double latencyMs, long failures = 0, TimeSpan? duration = null) =>
        new(Enumerable.Repeat(latencyMs, n), failures, duration ?? TenSeconds);

    private static BudgetConclusion Only(string yaml, IScopeMeasurements scope, string metric)
    {
        var budget = BudgetLoader.Parse(yaml, "t.yaml");
        var report = BudgetEvaluator.Evaluate(budget, new InMemoryMeasurements().Add("s", null, scope));
        return report.Conclusions.Single(c => c.Metric.Name == metric);
    }

    private const string LatencyTiers = """
        scenarios:
          s:
            tiers:
              p(95): { target: 150ms, warn: 250ms, fail: 500ms }
        """;

    [TestCase(100, BudgetVerdict.Pass)]
    [TestCase(150, BudgetVerdict.Pass)]
    [TestCase(200, BudgetVerdict.Ok)]
    [TestCase(250, BudgetVerdict.Ok)]
    [TestCase(300, BudgetVerdict.Warn)]
    [TestCase(500, BudgetVerdict.Warn)]
    [TestCase(501, BudgetVerdict.Fail)]
    public void Evaluate_LatencyTiers_GiveVerdictByBand(double latencyMs, BudgetVerdict expected)
    {
        var c = Only(LatencyTiers, Flat(200, latencyMs), "p(95)");

        Assert.That(c.Verdict, Is.EqualTo(expected));
        Assert.That(c.Actual, Is.EqualTo(latencyMs));
    }

    [TestCase(12000, BudgetVerdict.Pass)]
    [TestCase(700, BudgetVerdict.Ok)]
    [TestCase(300, BudgetVerdict.Warn)]
    [TestCase(50, BudgetVerdict.Fail)]
    public void Evaluate_ThroughputTiers_LowerIsWorse(int requestsInOneSecond, BudgetVerdict expected)
    {
        const string yaml = """
            scenarios:
              s:
                tiers:
                  rps: { target: 1000/s, warn: 500/s, fail: 100/s }
            """;

        Assert.That(Only(yaml, Flat(requestsInOneSecond, 10, duration: TimeSpan.FromSeconds(1)), "rps").Verdict, Is.EqualTo(expected));
    }

    [TestCase(0, BudgetVerdict.Pass)]
    [TestCase(5, BudgetVerdict.Ok)]
    [TestCase(20, BudgetVerdict.Warn)]
    [TestCase(60, BudgetVerdict.Fail)]
    public void Evaluate_ErrorRateTiers_UseFailuresOverRequests(int failuresOf1000, BudgetVerdict expected)
    {
        const string yaml = """
            scenarios:
              s:
                tiers:
                  rate: { target: 0.1%, warn: 1%, fail: 5% }
            """;

        Assert.That(Only(yaml, Flat(1000, 10, failuresOf1000), "rate").Verdict, Is.EqualTo(expected));
    }

    [Test]
    public void Evaluate_P99FromTenSamples_FailsAsNotEnoughDataWithoutAValue()
    {
        const string yaml = "scenarios:\n  s:\n    thresholds: [ \"p(99) < 500ms\" ]\n";

        var c = Only(yaml, Flat(10, 1), "p(99)");

        Assert.That(c.Verdict, Is.EqualTo(BudgetVerdict.Fail));
        Assert.That(c.InsufficientData, Is.True);
        Assert.That(c.Actual, Is.NaN);
        Assert.That(c.Note, Is.EqualTo("not enough data: 10 samples, p(99) needs >= 100"));
    }

    [TestCase("warn", BudgetVerdict.Warn)]
    [TestCase("ignore", BudgetVerdict.Skipped)]
    [TestCase("fail", BudgetVerdict.Fail)]
    public void Evaluate_NotEnoughDataWithPolicy_FollowsPolicy(string policy, BudgetVerdict expected)
    {
        var yaml = $"scenarios:\n  s:\n    on_insufficient_data: {policy}\n    thresholds: [ \"p(99) < 500ms\" ]\n";

        Assert.That(Only(yaml, Flat(10, 1), "p(99)").Verdict, Is.EqualTo(expected));
    }

    [Test]
    public void Evaluate_P99FromExactlyOneHundredSamples_IsJudged()
    {
        const string yaml = "scenarios:\n  s:\n    thresholds: [ \"p(99) < 500ms\" ]\n";

        Assert.That(Only(yaml, Flat(100, 1), "p(99)").Verdict, Is.EqualTo(BudgetVerdict.Pass));
    }

    [Test]
    public void Evaluate_MinSamplesDefault_RaisesTheFloorForEveryMetric()
    {
        const string yaml = "defaults:\n  min_samples: 500\nscenarios:\n  s:\n    thresholds: [ \"avg < 500ms\" ]\n";

        var c = Only(yaml, Flat(200, 1), "avg");

        Assert.That(c.Verdict, Is.EqualTo(BudgetVerdict.Fail));
        Assert.That(c.RequiredSamples, Is.EqualTo(500));
    }

    [Test]
    public void Evaluate_ErrorRateWithNoRequests_IsNotEnoughDataNotZero()
    {
        const string yaml = "scenarios:\n  s:\n    thresholds: [ \"rate < 1%\" ]\n";

        var c = Only(yaml, Flat(0, 1), "rate");

        Assert.That(c.Verdict, Is.EqualTo(BudgetVerdict.Fail));
        Assert.That(c.InsufficientData, Is.True);
    }

    [Test]
    public void Evaluate_MissingScope_FailsEveryMetricOfIt()
    {
        var budget = BudgetLoader.Parse(BudgetYaml.Crud, "load.yaml");
        var report = BudgetEvaluator.Evaluate(budget, new InMemoryMeasurements().Add("clients-list", null, Flat(2000, 100)));

        var fetch = report.Conclusions.Where(c => c.Scope == "clients-list/fetch").ToList();
        Assert.That(fetch, Has.Count.EqualTo(1));
        Assert.That(fetch[0].Verdict, Is.EqualTo(BudgetVerdict.Fail));
        Assert.That(fetch[0].Note, Is.EqualTo("no measurements for this scope"));
    }

    [Test]
    public void Evaluate_CustomMetric_ComparesRawValueAndAnUnknownNameFailsListingTheKnownOnes()
    {
        const string yaml = """
            defaults: { on_insufficient_data: ignore }
            scenarios:
              s:
                tiers:
                  metric(cache_hit): { target: 95%, fail: 80%, higher_is_better: true }
                  metric(js_heap): { fail: 50MB, optional: true }
                thresholds: [ "metric(cpu) < 80%", "metric(pool) < 90%" ]
            """;
        var budget = BudgetLoader.Parse(yaml, "t.yaml");
        var scope = Flat(100, 1).WithMetric("cache_hit", 0.9).WithMetric("pool", double.NaN);

        var report = BudgetEvaluator.Evaluate(budget, new InMemoryMeasurements().Add("s", null, scope));
        BudgetConclusion Of(string name) => report.Conclusions.Single(c => c.Metric.Name == name);

        Assert.Multiple(() =>
        {
            Assert.That(Of("metric(cache_hit)").Verdict, Is.EqualTo(BudgetVerdict.Ok));
            Assert.That(Of("metric(cpu)").Verdict, Is.EqualTo(BudgetVerdict.Fail), "a misspelt name fails even under ignore");
            Assert.That(Of("metric(cpu)").Note, Does.Contain("metric(cpu) is not reported by this run; it reports: cache_hit, pool"));
            Assert.That(Of("metric(js_heap)").Verdict, Is.EqualTo(BudgetVerdict.Skipped), "optional and absent");
            Assert.That(Of("metric(pool)").Verdict, Is.EqualTo(BudgetVerdict.Skipped), "reported but not measured: not enough data, ignored");
        });
    }

    [Test]
    public void Evaluate_DroppedThreshold_FailsOnAnyDrop()
    {
        const string yaml = "scenarios:\n  s:\n    thresholds: [ \"dropped == 0\" ]\n";
        var scope = new InMemoryScopeMeasurements([1, 2, 3], 0, TenSeconds, droppedCount: 1);

        Assert.That(Only(yaml, scope, "dropped").Verdict, Is.EqualTo(BudgetVerdict.Fail));
    }
}
