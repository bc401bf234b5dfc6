using PerfTests.SampleSystem.Analytics;
using PerfTests.SampleSystem.Data;

namespace Integration.Tests.SampleSystem;

[TestFixture]
[Category("Unit")]
public sealed class IrrCalculatorTests
{
    [Test]
    public void Xirr_InvestThenTenPercentAfterOneYear_IsTenPercent()
    {
        var start = new DateOnly(2023, 1, 1);
        Valuation[] history = [new(start, 1000m, 1000m), new(start.AddDays(365), 1100m, 0m)];

        Assert.That(IrrCalculator.Xirr(history), Is.EqualTo(0.10).Within(1e-5));
    }

    [Test]
    public void Xirr_LaterContribution_WeightsByTimeInvested()
    {
        var start = new DateOnly(2023, 1, 1);
        // 1000 for a full year and 1000 for half a year ending at 2100: the rate is above 5%, below 10%.
        Valuation[] history = [new(start, 1000m, 1000m), new(start.AddDays(182), 2050m, 1000m), new(start.AddDays(365), 2100m, 0m)];

        Assert.That(IrrCalculator.Xirr(history), Is.InRange(0.05, 0.10));
    }

    [Test]
    public void Xirr_SingleValuation_IsNull()
    {
        Assert.That(IrrCalculator.Xirr([new Valuation(new DateOnly(2023, 1, 1), 10m, 10m)]), Is.Null);
    }
}
