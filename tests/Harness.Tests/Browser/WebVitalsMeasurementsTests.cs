using PerfTests.Browser;
using PerfTests.Budgets;

namespace Harness.Tests.Browser;

/// <summary>Page runs judged by the ordinary budget evaluator: medians, spread, the metric named in breaches.</summary>
[TestFixture]
public sealed class WebVitalsMeasurementsTests
{
    private const string Budget = """
        suite: webvitals
        scenarios:
          dashboard:
            tiers:
              metric(lcp): { target: 2.0s, warn: 2.5s, fail: 4.0s }
              metric(cls): { target: 0.05, warn: 0.1, fail: 0.25 }
              metric(js_bytes): { target: 300KB, warn: 400KB, fail: 500KB }
        """;

    private static PageVitals Dashboard(params (double Lcp, double Cls)[] runs) => new(
        "dashboard",
        new PageSpec("dashboard", "/", "h1", []),
        LabConditions.Desktop,
        [.. runs.Select(r => new PageSample(
            new Dictionary<string, double> { ["lcp"] = r.Lcp, ["cls"] = r.Cls, ["js_bytes"] = 10_000 }, "h1", []))]);

    [Test]
    public void MetricSpread_OddAndEvenCounts_MedianMinMax()
    {
        Assert.That(MetricSpread.Of([5, 1, 3]), Is.EqualTo(new MetricSpread(3, 1, 5, 3)));
        Assert.That(MetricSpread.Of([4, 1, 3, 2]), Is.EqualTo(new MetricSpread(2.5, 1, 4, 4)));
        Assert.That(MetricSpread.Of([]), Is.Null);
    }

    [Test]
    public void Evaluate_OneSlowRunOfFive_MedianPasses()
    {
        var vitals = Dashboard((900, 0), (1000, 0), (9000, 0), (950, 0), (1100, 0));

        var report = BudgetEvaluator.Evaluate(BudgetLoader.Parse(Budget, "webvitals.yaml"), new WebVitalsMeasurements([vitals]));

        Assert.That(report.Failed, Is.False);
        Assert.That(vitals.Metrics["lcp"], Is.EqualTo(new MetricSpread(1000, 900, 9000, 5)));
        Assert.That(vitals.ToTable(), Does.Contain("lcp").And.Contain("810%"));
    }

    [Test]
    public void Evaluate_LayoutShiftInEveryRun_FailsNamingCls()
    {
        var vitals = Dashboard((900, 0.3), (1000, 0.31), (950, 0.29));

        var report = BudgetEvaluator.Evaluate(BudgetLoader.Parse(Budget, "webvitals.yaml"), new WebVitalsMeasurements([vitals]));

        var failure = report.Failures.Single();
        Assert.That(failure.Metric.Name, Is.EqualTo("metric(cls)"));
        Assert.That(failure.Scope, Is.EqualTo("dashboard"));
        Assert.That(failure.Actual, Is.EqualTo(0.3));
        Assert.That(failure.SampleCount, Is.EqualTo(3));
    }

    [Test]
    public void Evaluate_PageNeverMeasured_Fails()
    {
        var report = BudgetEvaluator.Evaluate(BudgetLoader.Parse(Budget, "webvitals.yaml"), new WebVitalsMeasurements([]));

        Assert.That(report.Failed, Is.True);
    }

    [TestCase(95, null)]
    [TestCase(70, BudgetVerdict.Warn)]
    [TestCase(40, BudgetVerdict.Fail)]
    public void Evaluate_LighthouseMetrics_JudgedWithTheThreeTiersScoreHigherIsBetter(double score, BudgetVerdict? expected)
    {
        const string lighthouseBudget = """
            suite: webvitals
            scenarios:
              dashboard@slow-4g:
                tiers:
                  metric(score): { target: 90, warn: 90, fail: 50, higher_is_better: true }
                  metric(speed_index): { target: 3.4s, warn: 5.8s, fail: 8s }
                  metric(render_blocking_count): { target: 2, warn: 3, fail: 5 }
                  metric(render_blocking_bytes): { target: 20KB, warn: 50KB, fail: 100KB }
            """;
        var values = new Dictionary<string, double>
        {
            [VitalMetrics.Score] = score, [VitalMetrics.SpeedIndex] = 1600, [VitalMetrics.RenderBlockingCount] = 2, [VitalMetrics.RenderBlockingBytes] = 9_000,
        };
        var vitals = new PageVitals("dashboard@slow-4g", new PageSpec("dashboard", "/", "h1", []), LabConditions.Slow4G, [.. Enumerable.Repeat(new PageSample(values, "h1", []), 3)]);

        var report = BudgetEvaluator.Evaluate(BudgetLoader.Parse(lighthouseBudget, "webvitals.yaml"), new WebVitalsMeasurements([vitals]));

        var judged = report.Conclusions.Where(c => c.Verdict is BudgetVerdict.Warn or BudgetVerdict.Fail).Select(c => (c.Metric.Name, c.Verdict)).ToList();
        Assert.That(judged, Is.EqualTo(expected is { } verdict ? new[] { ("metric(score)", verdict) } : []), $"score {score}");
        Assert.That(report.Conclusions.Count(c => c.Verdict != BudgetVerdict.Skipped), Is.EqualTo(4), "all four metrics judged");
    }
}
