using Microsoft.Extensions.Time.Testing;
using PerfTests.Containers.Faults;

namespace Integration.Tests.Unit.Faults;

[Category("Unit")]
public sealed class FaultModelTests
{
    [TestCase(-0.1)]
    [TestCase(1.1)]
    [TestCase(double.NaN)]
    public void ErrorRatio_RatioOutside0To1_Throws(double ratio) =>
        Assert.That(() => Fault.ErrorRatio(503, ratio), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [TestCase(200)]
    [TestCase(302)]
    [TestCase(600)]
    public void ErrorRatio_NonErrorStatus_Throws(int status) =>
        Assert.That(() => Fault.ErrorRatio(status, 0.5), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public void UniformLatency_MaxBelowMin_Throws() =>
        Assert.That(
            () => Fault.UniformLatency(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(100)),
            Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public void Description_PartialRatio_NamesTheShare() =>
        Assert.That(Fault.ErrorRatio(503, 0.3).Description, Is.EqualTo("HTTP 503 on 30% of requests"));

    [Test]
    public void UniformLatency_10000Samples_StayInRangeAndCoverIt()
    {
        var samples = Sample(Fault.UniformLatency(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(samples.Min(), Is.GreaterThanOrEqualTo(100.0).And.LessThan(102.0));
            Assert.That(samples.Max(), Is.LessThanOrEqualTo(200.0).And.GreaterThan(198.0));
        }
    }

    [Test]
    public void NormalLatency_10000Samples_MeanAndSpreadMatch()
    {
        var samples = Sample(Fault.NormalLatency(TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(30)));
        var mean = samples.Average();
        var sd = Math.Sqrt(samples.Average(s => (s - mean) * (s - mean)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mean, Is.EqualTo(150).Within(2));
            Assert.That(sd, Is.EqualTo(30).Within(2));
        }
    }

    [Test]
    public void NormalLatency_WideSpread_NeverNegative() =>
        Assert.That(Sample(Fault.NormalLatency(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50))).Min(), Is.Zero);

    [Test]
    public void LogNormalLatency_10000Samples_MedianMatchesAndMeanIsAboveIt()
    {
        var sorted = Sample(Fault.LogNormalLatency(TimeSpan.FromMilliseconds(100), sigma: 0.5)).Order().ToArray();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sorted[sorted.Length / 2], Is.EqualTo(100).Within(4));
            // Log-normal mean = median * exp(sigma^2 / 2) = 113.3 ms.
            Assert.That(sorted.Average(), Is.EqualTo(113.3).Within(3));
        }
    }

    [Test]
    public void ActiveAt_AfterApplyRemoveAndClear_ReplaysTheActiveSet()
    {
        var start = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start);
        var injector = new FaultInjector(clock, seed: 1);
        var latency = Fault.FixedLatency(TimeSpan.FromMilliseconds(50));
        var errors = Fault.ErrorRatio(503, 1.0);

        injector.Apply(latency);
        clock.Advance(TimeSpan.FromSeconds(10));
        injector.Apply(errors);
        clock.Advance(TimeSpan.FromSeconds(10));
        injector.Remove(latency);
        clock.Advance(TimeSpan.FromSeconds(10));
        injector.Clear();

        var timeline = injector.Timeline;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(timeline.ActiveAt(start.AddSeconds(5)), Is.EqualTo(new[] { latency.Description }));
            Assert.That(timeline.ActiveAt(start.AddSeconds(15)), Is.EqualTo(new[] { latency.Description, errors.Description }));
            Assert.That(timeline.ActiveAt(start.AddSeconds(25)), Is.EqualTo(new[] { errors.Description }));
            Assert.That(timeline.ActiveAt(start.AddSeconds(35)), Is.Empty);
        }
    }

    private static double[] Sample(Fault fault)
    {
        var random = new Random(2026);
        return Enumerable.Range(0, 10_000).Select(_ => fault.Latency!.Sample(random).TotalMilliseconds).ToArray();
    }
}
