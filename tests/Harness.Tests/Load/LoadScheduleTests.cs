using PerfTests;
using PerfTests.Load.Simulations;

namespace Harness.Tests.Load;

public sealed class LoadScheduleTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private static LoadSchedule Build(params LoadSimulation[] stages) => LoadSchedule.Build(stages, TimeSpan.Zero, seed: 7);

    [Test]
    public void TargetConcurrency_ConstantStage_HoldsLevelUntilTheEnd()
    {
        var schedule = Build(LoadSimulation.ConstantConcurrency(10, S(10)));

        Assert.That(new[] { 0, 5, 9.99, 10, 11 }.Select(t => schedule.TargetConcurrency(S(t))), Is.EqualTo(new[] { 10, 10, 10, 0, 0 }));
        Assert.That(schedule.TotalDuration, Is.EqualTo(S(10)));
        Assert.That(schedule.TotalArrivals, Is.Zero);
    }

    [Test]
    public void TargetConcurrency_RampUpHoldRampDown_FollowsTheStages()
    {
        var schedule = Build(
            LoadSimulation.RampingConcurrency(10, S(10)),
            LoadSimulation.ConstantConcurrency(10, S(5)),
            LoadSimulation.RampingConcurrency(0, S(5)));

        Assert.That(
            new[] { 0, 2.5, 5, 9.9, 12, 15, 17.5, 19.9 }.Select(t => schedule.TargetConcurrency(S(t))),
            Is.EqualTo(new[] { 0, 2, 5, 9, 10, 10, 5, 0 }));
        Assert.That(schedule.MaxConcurrency, Is.EqualTo(10));
    }

    [Test]
    public void ArrivalTime_HalfPerSecond_OneArrivalEveryTwoSeconds()
    {
        var schedule = Build(LoadSimulation.ConstantRate(0.5, S(10)));

        Assert.That(schedule.TotalArrivals, Is.EqualTo(5));
        Assert.That(Enumerable.Range(0, 5).Select(k => schedule.ArrivalTime(k)!.Value.TotalSeconds), Is.EqualTo(new[] { 0.0, 2, 4, 6, 8 }).Within(1e-9));
        Assert.That(schedule.ArrivalTime(5), Is.Null);
    }

    [Test]
    public void ArrivalsDue_HalfPerSecond_CountsArrivalsIntendedBeforeTheTime()
    {
        var schedule = Build(LoadSimulation.ConstantRate(0.5, S(10)));

        Assert.That(
            new[] { 0, 0.001, 1.9, 2.001, 7.5, 10, 60 }.Select(t => schedule.ArrivalsDue(S(t))),
            Is.EqualTo(new long[] { 0, 1, 1, 2, 4, 5, 5 }));
    }

    [Test]
    public void ArrivalTime_ConstantRate_EvenlySpaced()
    {
        var schedule = Build(LoadSimulation.ConstantRate(100, S(2)));

        Assert.That(schedule.TotalArrivals, Is.EqualTo(200));
        Assert.That(schedule.ArrivalTime(150)!.Value.TotalSeconds, Is.EqualTo(1.5).Within(1e-9));
    }

    [Test]
    public void ArrivalTime_RampingRateFromZero_FollowsTheIntegralOfTheRamp()
    {
        // Rate r(t) = t (0 -> 10/s over 10 s): cumulative t^2/2, so arrival k is at sqrt(2k).
        var schedule = Build(LoadSimulation.RampingRate(10, S(10)));

        Assert.That(schedule.TotalArrivals, Is.EqualTo(50));
        Assert.That(schedule.CumulativeArrivals(S(5)), Is.EqualTo(12.5).Within(1e-9));
        Assert.That(schedule.ArrivalTime(8)!.Value.TotalSeconds, Is.EqualTo(4).Within(1e-6));
        Assert.That(schedule.RateAt(S(2.5)), Is.EqualTo(2.5).Within(1e-9));
    }

    [Test]
    public void CumulativeArrivals_RampAfterConstant_StartsFromThePreviousRate()
    {
        var schedule = Build(LoadSimulation.ConstantRate(10, S(1)), LoadSimulation.RampingRate(20, S(1)));

        Assert.That(schedule.RateAt(S(1)), Is.EqualTo(10).Within(1e-9));
        Assert.That(schedule.CumulativeArrivals(S(2)), Is.EqualTo(25).Within(1e-9));
        Assert.That(schedule.TotalArrivals, Is.EqualTo(25));
    }

    [Test]
    public void ArrivalTime_PauseBetweenStages_NoArrivalsDuringThePause()
    {
        var schedule = Build(LoadSimulation.ConstantRate(1, S(2)), LoadSimulation.Pause(S(3)), LoadSimulation.ConstantRate(1, S(2)));

        Assert.That(Enumerable.Range(0, 4).Select(k => schedule.ArrivalTime(k)!.Value.TotalSeconds), Is.EqualTo(new[] { 0.0, 1, 5, 6 }).Within(1e-9));
        Assert.That(schedule.RateAt(S(3)), Is.Zero);
        Assert.That(schedule.ArrivalsDue(S(4.9)), Is.EqualTo(2));
    }

    [Test]
    public void Build_RandomRateWithSameSeed_RepeatsAndStaysWithinBounds()
    {
        LoadSimulation[] stages = [LoadSimulation.RandomRate(5, 15, S(1), S(20))];
        var a = LoadSchedule.Build(stages, TimeSpan.Zero, seed: 1);
        var b = LoadSchedule.Build(stages, TimeSpan.Zero, seed: 1);
        var c = LoadSchedule.Build(stages, TimeSpan.Zero, seed: 2);

        var ratesA = Enumerable.Range(0, 20).Select(t => a.RateAt(S(t + 0.5))).ToList();
        Assert.That(ratesA, Is.EqualTo(Enumerable.Range(0, 20).Select(t => b.RateAt(S(t + 0.5)))));
        Assert.That(ratesA, Is.Not.EqualTo(Enumerable.Range(0, 20).Select(t => c.RateAt(S(t + 0.5)))));
        Assert.That(ratesA, Is.All.InRange(5.0, 15.0));
        Assert.That(ratesA.Distinct().Count(), Is.GreaterThan(10), "the rate is redrawn every interval");
        Assert.That(a.TotalArrivals, Is.InRange(100, 300));
    }

    [Test]
    public void Build_ComposedStages_WarmUpRampHoldSpikeRecoverCoolDown()
    {
        var schedule = LoadSchedule.Build(
            [
                LoadSimulation.RampingRate(10, S(10)),   // ramp
                LoadSimulation.ConstantRate(10, S(10)),  // hold
                LoadSimulation.RampingRate(50, S(2)),    // spike up
                LoadSimulation.ConstantRate(50, S(5)),   // spike hold
                LoadSimulation.RampingRate(10, S(3)),    // recover
                LoadSimulation.RampingRate(0, S(10)),    // cool-down
            ],
            warmUp: S(5),
            seed: 1);

        Assert.That(schedule.WarmUp, Is.EqualTo(S(5)));
        Assert.That(schedule.TotalDuration, Is.EqualTo(S(45)));
        // Warm-up holds the first stage's end level, then the ramp starts again from 0.
        Assert.That(
            new[] { 1, 10, 20, 26, 30, 35, 40, 44.99 }.Select(t => Math.Round(schedule.RateAt(S(t)), 3)),
            Is.EqualTo(new[] { 10, 5, 10, 30, 50, 10, 5, 0.01 }).Within(1e-9));
    }

    [Test]
    public void Build_MixedClosedThenOpen_EachModelOnlyInItsStage()
    {
        var schedule = Build(LoadSimulation.ConstantConcurrency(4, S(2)), LoadSimulation.ConstantRate(3, S(2)));

        Assert.That(schedule.TargetConcurrency(S(1)), Is.EqualTo(4));
        Assert.That(schedule.TargetConcurrency(S(3)), Is.Zero);
        Assert.That(schedule.ArrivalTime(0)!.Value.TotalSeconds, Is.EqualTo(2).Within(1e-9));
        Assert.That(schedule.TotalArrivals, Is.EqualTo(6));
    }
}
