using PerfTests.Budgets;

namespace Harness.Tests.Budgets;

/// <summary>B / KB / MB limits for custom size metrics such as metric(js_bytes).</summary>
[TestFixture]
public sealed class SizeUnitTests
{
    [TestCase("metric(js_bytes) < 300KB", 300 * 1024)]
    [TestCase("metric(js_bytes) < 1.5MB", 1.5 * 1024 * 1024)]
    [TestCase("metric(js_bytes) < 2048B", 2048)]
    public void TryParse_SizeOnCustomMetric_StoresBytes(string text, double bytes)
    {
        Assert.That(ThresholdExpression.TryParse(text, out var expression, out var error), Is.True, error);
        Assert.That(expression!.Limit.Value, Is.EqualTo(bytes));
    }

    [TestCase("p(95) < 300KB", "fits only custom metrics")]
    [TestCase("rate < 1KB", "fits only custom metrics")]
    [TestCase("metric(js_bytes) < 300kb", "unknown unit 'kb'")]
    public void TryParse_SizeOnBuiltInMetricOrWrongCase_ExplainsWhy(string text, string expected)
    {
        Assert.That(ThresholdExpression.TryParse(text, out _, out var error), Is.False);
        Assert.That(error, Does.Contain(expected));
    }

    [Test]
    public void Parse_WebVitalsTiers_LimitsInBaseUnits()
    {
        var budget = BudgetLoader.Parse("""
            suite: webvitals
            scenarios:
              dashboard:
                tiers:
                  metric(lcp): { target: 2.0s, warn: 2.5s, fail: 4.0s }
                  metric(cls): { target: 0.05, warn: 0.1, fail: 0.25 }
                  metric(js_bytes): { target: 300KB, warn: 400KB, fail: 500KB }
            """, "webvitals.yaml");

        var metrics = budget.Scopes.Single().Metrics.ToDictionary(m => m.Metric.Name);
        Assert.That(metrics["metric(lcp)"].Fail!.Value, Is.EqualTo(4000));
        Assert.That(metrics["metric(cls)"].Warn!.Value, Is.EqualTo(0.1));
        Assert.That(metrics["metric(js_bytes)"].Target!.Value, Is.EqualTo(300 * 1024));
    }
}
