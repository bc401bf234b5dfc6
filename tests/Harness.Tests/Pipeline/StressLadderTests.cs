using PerfTests;

namespace Harness.Tests.Pipeline;

/// <summary>A ladder refuses rates it cannot climb before anything runs.</summary>
[TestFixture]
public sealed class StressLadderTests
{
    private static Scenario Iteration(HttpTarget http) => Scenario.Create("mix", http.Get("home", "/"));

    [TestCase(new double[0])]
    [TestCase(new[] { 10.0, 5.0 })]
    [TestCase(new[] { 5.0, 5.0 })]
    [TestCase(new[] { 0.0, 5.0 })]
    [TestCase(new[] { 5.0, double.PositiveInfinity })]
    public void New_RatesNotPositiveAndAscending_Refused(double[] rates) =>
        Assert.That(() => new StressLadder(Iteration, rates), Throws.ArgumentException.With.Message.Contains("positive and ascending"));

    [Test]
    public void New_RungNotPositive_Refused() =>
        Assert.That(() => new StressLadder(Iteration, rung: TimeSpan.Zero), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public void New_Defaults_DoublingRatesTwoMinuteRungs()
    {
        var ladder = new StressLadder(Iteration);

        Assert.Multiple(() =>
        {
            Assert.That(ladder.Rates, Is.EqualTo(new double[] { 5, 10, 20, 40, 80, 160, 320 }));
            Assert.That(ladder.Rung, Is.EqualTo(TimeSpan.FromMinutes(2)));
            Assert.That(ladder.Result, Is.Null);
        });
    }
}
