using Microsoft.Extensions.Time.Testing;
using PerfTests.Load.Histograms;
using PerfTests.Load.Running;
using PerfTests;

namespace Harness.Tests.Load;

public sealed class OpenModelRunnerTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Test]
    public async Task RunAsync_ServerStallsTwoSeconds_CorrectedP99FarAboveUncorrected()
    {
        // Given 100 arrivals/s for 2 s on ONE worker, and a server whose first response takes 2 s
        // (the step moves the fake clock); every other response takes 0 s.
        var fake = new FakeTimeProvider();
        var calls = 0;
        var step = Step.Create("call", _ =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                fake.Advance(TimeSpan.FromSeconds(2));
            }

            return ValueTask.FromResult(StepResult.Ok());
        });
        var scenario = Scenario.Create("stall", step)
            .WithLoadSimulations(LoadSimulation.ConstantRate(100, 2 * Second))
            .WithCapacity(maxWorkers: 1);

        // When: no clock advance besides the stall, so every number below is exact.
        var result = (await LoadRunner.RunAsync(scenario, FakeClock.Options(fake))).Scenarios[0];

        // Then: the 199 requests queued behind the stall waited 10 ms..1.99 s; the stalled-for
        // system still served each of them "in 0 s", which is all the uncorrected view sees.
        Assert.That(result.OkCount, Is.EqualTo(200));
        Assert.That(result.DroppedCount, Is.Zero);
        Assert.That(result.Latency.P99.ValueUs, Is.GreaterThan(1_900_000));
        Assert.That(result.Latency.P50.ValueUs, Is.EqualTo(1_000_000).Within(25_000));
        Assert.That(result.UncorrectedLatency.P99.ValueUs, Is.LessThan(1_000));
        Assert.That(result.UncorrectedLatency.MaxUs, Is.EqualTo(2_000_000).Within(2_000), "the stall itself is still visible");
    }

    [Test]
    public async Task RunAsync_QueueOfIntMaxValue_DropsNothing()
    {
        // workers + int.MaxValue once overflowed to a negative capacity that dropped every arrival.
        var fake = new FakeTimeProvider();
        var scenario = Scenario.Create("unbounded", Step.Create("ok", _ => ValueTask.FromResult(StepResult.Ok())))
            .WithLoadSimulations(LoadSimulation.ConstantRate(20, Second))
            .WithCapacity(maxWorkers: 4, maxQueuedArrivals: int.MaxValue);

        var result = (await FakeClock.DriveAsync(fake, LoadRunner.RunAsync(scenario, FakeClock.Options(fake)), TimeSpan.FromMilliseconds(50))).Scenarios[0];

        Assert.That(result.DroppedCount, Is.Zero);
        Assert.That(result.OkCount, Is.EqualTo(20));
    }

    [Test]
    public async Task RunAsync_CapacityExhausted_CountsDroppedAndInterruptedNeverLosesAnArrival()
    {
        // Given 10 arrivals, 2 workers, a queue of 3, and a server that never answers.
        var fake = new FakeTimeProvider();
        var step = Step.Create("hang", async ctx =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ctx.CancellationToken).ConfigureAwait(false);
            return StepResult.Ok();
        });
        var scenario = Scenario.Create("full", step)
            .WithLoadSimulations(LoadSimulation.ConstantRate(10, Second))
            .WithCapacity(maxWorkers: 2, maxQueuedArrivals: 3);

        var result = (await FakeClock.DriveAsync(fake, LoadRunner.RunAsync(scenario, FakeClock.Options(fake)), TimeSpan.FromMilliseconds(100))).Scenarios[0];

        // Then: 5 arrivals found no room (dropped), 3 waited in the queue and never started (dropped at
        // the end), 2 were cut off by the graceful stop (interrupted). Every arrival is accounted for.
        Assert.That(result.DroppedCount, Is.EqualTo(8));
        Assert.That(result.InterruptedCount, Is.EqualTo(2));
        Assert.That(result.RequestCount, Is.Zero);
        Assert.That(result.DroppedCount + result.InterruptedCount + result.RequestCount, Is.EqualTo(10));
    }

    [Test]
    public async Task RunAsync_WithWarmUp_ExcludesWarmUpIterationsFromStats()
    {
        var fake = new FakeTimeProvider();
        var calls = 0;
        var step = Step.Create("ok", _ =>
        {
            Interlocked.Increment(ref calls);
            return ValueTask.FromResult(StepResult.Ok(200, bytes: 100));
        });
        var scenario = Scenario.Create("warm", step)
            .WithWarmUp(Second)
            .WithLoadSimulations(LoadSimulation.ConstantRate(10, Second));

        var result = (await FakeClock.DriveAsync(fake, LoadRunner.RunAsync(scenario, FakeClock.Options(fake)), TimeSpan.FromMilliseconds(50))).Scenarios[0];

        Assert.That(calls, Is.EqualTo(20), "warm-up iterations run");
        Assert.That(result.OkCount, Is.EqualTo(10), "but only measured ones count");
        Assert.That(result.Bytes, Is.EqualTo(1000));
        Assert.That(result.StatusCodes["200"], Is.EqualTo(10));
        Assert.That(result.Timeline.Sum(p => p.Requests), Is.EqualTo(result.RequestCount));
        Assert.That(result.Timeline.Sum(p => p.Bytes), Is.EqualTo(result.Bytes));
    }

    [Test]
    public async Task HistogramLog_ScenarioResult_RoundTripsTaggedHistograms()
    {
        var fake = new FakeTimeProvider();
        var scenario = Scenario.Create("checkout", Step.Create("pay", _ => ValueTask.FromResult(StepResult.Ok())))
            .WithLoadSimulations(LoadSimulation.ConstantRate(10, Second));
        var result = await FakeClock.DriveAsync(fake, LoadRunner.RunAsync(scenario, FakeClock.Options(fake)), TimeSpan.FromMilliseconds(50));
        using var log = new MemoryStream();

        HistogramLog.Write(log, result.StartedAt, result.Scenarios[0]);
        var histograms = HistogramLog.Read(new MemoryStream(log.ToArray()));

        Assert.That(histograms.Select(h => h.Tag), Is.EqualTo(new[] { "checkout.latency", "checkout.uncorrected", "checkout.step.pay" }));
        Assert.That(histograms.Select(h => h.TotalCount), Is.All.EqualTo(10));
        Assert.That(histograms[0].StartTimeStamp, Is.EqualTo(result.StartedAt.ToUnixTimeMilliseconds()));
    }

    [Test]
    public async Task RunAsync_StepThrows_CountsFailureWithExceptionTypeAndSkipsLaterSteps()
    {
        var fake = new FakeTimeProvider();
        var later = 0;
        var boom = Step.Create("boom", _ => throw new TimeoutException("server too slow"));
        var after = Step.Create("after", _ =>
        {
            Interlocked.Increment(ref later);
            return ValueTask.FromResult(StepResult.Ok());
        });
        var scenario = Scenario.Create("failing", boom, after).WithLoadSimulations(LoadSimulation.ConstantRate(10, Second));

        var result = (await FakeClock.DriveAsync(fake, LoadRunner.RunAsync(scenario, FakeClock.Options(fake)), TimeSpan.FromMilliseconds(50))).Scenarios[0];

        Assert.That(result.FailCount, Is.EqualTo(10));
        Assert.That(result.OkCount, Is.Zero);
        Assert.That(result.StatusCodes["TimeoutException"], Is.EqualTo(10));
        Assert.That(result.Steps[0].FailCount, Is.EqualTo(10));
        Assert.That(result.Steps[1].OkCount + result.Steps[1].FailCount, Is.Zero);
        Assert.That(later, Is.Zero);
        Assert.That(result.Timeline.Sum(p => p.Failures), Is.EqualTo(10));
    }

    [Test]
    public async Task RunAsync_HalfPerSecondForTenSeconds_RunsFiveIterations()
    {
        var fake = new FakeTimeProvider();
        var scenario = Scenario.Create("slow", Step.Create("ok", _ => ValueTask.FromResult(StepResult.Ok())))
            .WithLoadSimulations(LoadSimulation.ConstantRate(0.5, TimeSpan.FromSeconds(10)));

        var result = (await FakeClock.DriveAsync(fake, LoadRunner.RunAsync(scenario, FakeClock.Options(fake)), TimeSpan.FromMilliseconds(250))).Scenarios[0];

        Assert.That(result.OkCount, Is.EqualTo(5));
        Assert.That(result.Duration, Is.EqualTo(TimeSpan.FromSeconds(10)).Within(TimeSpan.FromMilliseconds(300)));
    }
}
