using System.Runtime.CompilerServices;
using Microsoft.Extensions.Time.Testing;
using PerfTests;
using PerfTests.Load.Running;

namespace Harness.Tests.Load;

/// <summary>
/// An auto warm-up on a fake clock: a start-up transient is waited out and the stages start as soon as
/// MSER-5 calls the warm-up steady (35 s, not the 60 s cap), on the same schedule and without a burst of
/// the skipped arrivals; a drift runs to the cap and is reported as not steady.
/// </summary>
public sealed class AutoWarmUpTests
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);

    [Test]
    public async Task RunAsync_TransientThenSteady_EndsWarmUpWhenSteadyAndMeasuresTheWholeStage()
    {
        // Given a server slow (400 ms) for its first 4 s, then fast (20 ms), at 10 arrivals/s.
        var fake = new FakeTimeProvider();
        var start = fake.GetTimestamp();
        var (scenario, calls) = Scenario(fake, elapsed => elapsed < TimeSpan.FromSeconds(4) ? 400 : 20);

        var result = (await FakeClock.DriveAsync(fake, LoadRunner.RunAsync(scenario.WithLoadSimulations(LoadSimulation.ConstantRate(10, TimeSpan.FromSeconds(5))), FakeClock.Options(fake)), TimeSpan.FromMilliseconds(50))).Scenarios[0];

        Assert.Multiple(() =>
        {
            Assert.That(result.WarmUpSteadiness, Is.Not.Null);
            Assert.That(result.WarmUpSteadiness!.IsSteady, Is.True, result.WarmUpSteadiness.ToString());
            Assert.That(result.WarmUpSteadiness.TruncateAt, Is.EqualTo(5), "the detector cut the 4 s transient at the end of its batch");
            Assert.That(result.WarmUp, Is.EqualTo(TimeSpan.FromSeconds(35)), "ended at the first second MSER-5 sees the transient over (seven batches), not at the 60 s cap");
            Assert.That(result.OkCount, Is.EqualTo(50), "the whole 5 s stage at 10/s is measured");
            Assert.That(result.DroppedCount, Is.Zero);
            Assert.That(result.Timeline, Has.Count.EqualTo(5));
            // A skipped warm-up arrival sent late would be measured from its own instant, seconds ago. The bound is
            // well above the 20 ms answers because the fake clock moves in 50 ms steps while a busy machine schedules
            // the answer: one CI run measured 100.03 ms.
            Assert.That(result.Latency.MaxUs, Is.LessThan(1_000_000), "no skipped warm-up arrival was sent late and measured");
            Assert.That(Volatile.Read(ref calls.Value), Is.InRange(390, 410), "35 s of warm-up at 10/s, then the stage; not 60 s of it");
            Assert.That(fake.GetElapsedTime(start), Is.LessThan(TimeSpan.FromSeconds(50)));
        });
    }

    [Test]
    public async Task RunAsync_Drift_RunsToTheCapAndSaysNotSteady()
    {
        // Given a server 10 ms slower every second (a leak): it never settles.
        var fake = new FakeTimeProvider();
        var (scenario, _) = Scenario(fake, elapsed => 20 + (10 * (int)elapsed.TotalSeconds));

        var result = (await FakeClock.DriveAsync(fake, LoadRunner.RunAsync(scenario.WithAutoWarmUp(TimeSpan.FromSeconds(40)).WithLoadSimulations(LoadSimulation.ConstantRate(10, TimeSpan.FromSeconds(3))), FakeClock.Options(fake)), TimeSpan.FromMilliseconds(50))).Scenarios[0];

        Assert.Multiple(() =>
        {
            Assert.That(result.WarmUp, Is.EqualTo(TimeSpan.FromSeconds(40)), "ran to its cap");
            Assert.That(result.WarmUpSteadiness!.IsSteady, Is.False);
            Assert.That(result.WarmUpSteadiness.Points, Is.GreaterThanOrEqualTo(30));
            Assert.That(result.WarmUpSteadiness.ToString(), Does.StartWith("never steady"));
            Assert.That(result.OkCount, Is.EqualTo(30));
        });
    }

    [Test]
    public async Task RunAsync_ClosedModel_EndsWarmUpWhenSteady()
    {
        var fake = new FakeTimeProvider();
        var (scenario, _) = Scenario(fake, elapsed => elapsed < TimeSpan.FromSeconds(4) ? 400 : 100);

        var result = (await FakeClock.DriveAsync(fake, LoadRunner.RunAsync(scenario.WithLoadSimulations(LoadSimulation.ConstantConcurrency(2, TimeSpan.FromSeconds(5))), FakeClock.Options(fake)), TimeSpan.FromMilliseconds(50))).Scenarios[0];

        Assert.Multiple(() =>
        {
            Assert.That(result.WarmUpSteadiness!.IsSteady, Is.True);
            Assert.That(result.WarmUp, Is.EqualTo(TimeSpan.FromSeconds(35)));
            Assert.That(result.Duration.TotalSeconds, Is.EqualTo(5).Within(0.1));
            Assert.That(result.OkCount, Is.InRange(90, 100), "2 users x 5 s at 100 ms an iteration");
        });
    }

    [Test]
    public void WithAutoWarmUp_CapShorterThanTheDetectorNeeds_RefusedWithTheMinimum()
    {
        var scenario = PerfTests.Scenario.Create("s", Step.Create("ok", _ => ValueTask.FromResult(StepResult.Ok())));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => scenario.WithAutoWarmUp(TimeSpan.FromSeconds(20)));

        Assert.That(error!.Message, Does.Contain("at least 30 s"));
        Assert.That(scenario.WithAutoWarmUp(Cap).WithWarmUp(TimeSpan.FromSeconds(5)).AutoWarmUp, Is.False, "a fixed warm-up replaces an auto one");
    }

    /// <summary>A scenario whose one step takes <paramref name="latencyMs"/> of the fake time since the test began.</summary>
    private static (Scenario Scenario, StrongBox<int> Calls) Scenario(FakeTimeProvider fake, Func<TimeSpan, int> latencyMs)
    {
        var start = fake.GetTimestamp();
        var calls = new StrongBox<int>();
        var step = Step.Create("call", async _ =>
        {
            Interlocked.Increment(ref calls.Value);
            await Task.Delay(TimeSpan.FromMilliseconds(latencyMs(fake.GetElapsedTime(start))), fake).ConfigureAwait(false);
            return StepResult.Ok();
        });
        return (PerfTests.Scenario.Create("warm", step).WithAutoWarmUp(Cap), calls);
    }
}
