using PerfTests.Budgets;

namespace Harness.Tests.Budgets;

[TestFixture]
public sealed class ThresholdExpressionTests
{
    [TestCase("p(95) < 500ms", MetricKind.Percentile, Comparison.Less, 500)]
    [TestCase("p(99) <= 1.2s", MetricKind.Percentile, Comparison.LessOrEqual, 1200)]
    [TestCase("p(99.9)<250us", MetricKind.Percentile, Comparison.Less, 0.25)]
    [TestCase("rate < 1%", MetricKind.ErrorRate, Comparison.Less, 0.01)]
    [TestCase("rate < 0.05", MetricKind.ErrorRate, Comparison.Less, 0.05)]
    [TestCase("rps > 100", MetricKind.RequestsPerSecond, Comparison.Greater, 100)]
    [TestCase("rps >= 100/s", MetricKind.RequestsPerSecond, Comparison.GreaterOrEqual, 100)]
    [TestCase("dropped == 0", MetricKind.Dropped, Comparison.Equal, 0)]
    [TestCase("avg < 200ms", MetricKind.Mean, Comparison.Less, 200)]
    [TestCase("max < 2s", MetricKind.Max, Comparison.Less, 2000)]
    [TestCase("metric(cpu) < 80%", MetricKind.Custom, Comparison.Less, 0.8)]
    public void TryParse_ValidExpression_GivesMetricOperatorAndBaseUnitValue(string text, MetricKind kind, Comparison op, double value)
    {
        var ok = ThresholdExpression.TryParse(text, out var expression, out var error);

        Assert.That(ok, Is.True, error);
        Assert.That(expression!.Metric.Kind, Is.EqualTo(kind));
        Assert.That(expression.Limit.Op, Is.EqualTo(op));
        Assert.That(expression.Limit.Value, Is.EqualTo(value).Within(1e-9));
    }

    [Test]
    public void TryParse_Median_MeansP50()
    {
        Assert.That(ThresholdExpression.TryParse("med < 100ms", out var expression, out _), Is.True);
        Assert.That(expression!.Metric, Is.EqualTo(new MetricId(MetricKind.Percentile, 50)));
    }

    [TestCase("p(95) 500ms", "no comparison operator")]
    [TestCase("p(95) = 500ms", "bad operator")]
    [TestCase("p(95) => 500ms", "bad operator")]
    [TestCase("p(95) !== 500ms", "bad operator")]
    [TestCase("< 500ms", "no metric")]
    [TestCase("p(95) <", "no value")]
    [TestCase("p(101) < 500ms", "unknown metric 'p(101)'")]
    [TestCase("p(-1) < 500ms", "unknown metric 'p(-1)'")]
    [TestCase("latency < 500ms", "unknown metric 'latency'")]
    [TestCase("p(95) < 500", "needs a unit")]
    [TestCase("p(95) < 500min", "unknown unit 'min'")]
    [TestCase("p(95) < 5%", "does not fit latency")]
    [TestCase("rate < 150%", "is a ratio")]
    [TestCase("rate < 1ms", "does not fit 'rate'")]
    [TestCase("dropped == 0.5", "whole number")]
    [TestCase("dropped == 1/s", "does not fit 'dropped'")]
    [TestCase("p(95) < -5ms", "negative")]
    [TestCase("p(95) < fast", "is not a number")]
    public void TryParse_BadExpression_ExplainsWhy(string text, string expected)
    {
        var ok = ThresholdExpression.TryParse(text, out var expression, out var error);

        Assert.That(ok, Is.False);
        Assert.That(expression, Is.Null);
        Assert.That(error, Does.Contain(expected));
    }

    [TestCase(95, 20)]
    [TestCase(99, 100)]
    [TestCase(99.9, 1000)]
    [TestCase(50, 2)]
    [TestCase(90, 10)]
    public void MinimumSamples_Percentile_IsOneOverOneMinusQ(decimal percentile, long expected)
    {
        Assert.That(new MetricId(MetricKind.Percentile, percentile).MinimumSamples, Is.EqualTo(expected));
    }

    [Test]
    public void Format_Limit_UsesMetricUnit()
    {
        Assert.That(ThresholdExpression.TryParse("rate <= 0.5%", out var rate, out _), Is.True);
        Assert.That(ThresholdExpression.TryParse("p(99) < 1.2s", out var latency, out _), Is.True);

        Assert.That(rate!.ToString(), Is.EqualTo("rate <= 0.5%"));
        Assert.That(latency!.ToString(), Is.EqualTo("p(99) < 1200 ms"));
    }
}
