using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using PerfTests.Load.Running;
using PerfTests;

namespace Harness.Tests.Load;

public sealed class ClosedModelRunnerTests
{
    [Test]
    public async Task RunAsync_RampThenHold_NeverExceedsTargetAndUsesEveryVirtualUser()
    {
        var fake = new FakeTimeProvider();
        var active = 0;
        var maxActive = 0;
        var workers = new ConcurrentDictionary<int, bool>();
        var step = Step.Create("work", async ctx =>
        {
            var now = Interlocked.Increment(ref active);
            InterlockedMax(ref maxActive, now);
            workers[ctx.WorkerId] = true;
            await Task.Delay(TimeSpan.FromMilliseconds(100), fake, ctx.CancellationToken).ConfigureAwait(false);
            Interlocked.Decrement(ref active);
            return StepResult.Ok();
        });
        var scenario = Scenario.Create("closed", step).WithLoadSimulations(
            LoadSimulation.RampingConcurrency(4, TimeSpan.FromSeconds(1)),
            LoadSimulation.ConstantConcurrency(4, TimeSpan.FromSeconds(1)));

        var result = (await FakeClock.DriveAsync(fake, LoadRunner.RunAsync(scenario, FakeClock.Options(fake)), TimeSpan.FromMilliseconds(20))).Scenarios[0];

        Assert.That(maxActive, Is.EqualTo(4));
        Assert.That(workers.Keys.Order(), Is.EqualTo(new[] { 0, 1, 2, 3 }));
        Assert.That(result.OkCount, Is.GreaterThanOrEqualTo(4));
        Assert.That(result.DroppedCount, Is.Zero, "the closed model never drops: it waits");
    }

    [Test]
    public async Task RunAsync_Cancelled_ReturnsPartialResultFlaggedCancelled()
    {
        // Real clock: asserts behaviour only (a 60 s run that is cancelled early returns a partial result).
        using var cts = new CancellationTokenSource();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var cleaned = false;
        var step = Step.Create("tick", async ctx =>
        {
            await Task.Delay(1, ctx.CancellationToken).ConfigureAwait(false);
            if (Interlocked.Increment(ref calls) >= 20)
            {
                enough.TrySetResult();
            }

            return StepResult.Ok();
        });
        var scenario = Scenario.Create("long", step)
            .WithLoadSimulations(LoadSimulation.ConstantConcurrency(2, TimeSpan.FromSeconds(60)))
            .WithClean((_, _) =>
            {
                cleaned = true;
                return Task.CompletedTask;
            });

        var run = LoadRunner.RunAsync(scenario, new LoadRunnerOptions { Progress = ProgressMode.Never }, cts.Token);
        await enough.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cts.CancelAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(result.IsCancelled, Is.True);
        Assert.That(result.Scenarios[0].OkCount, Is.GreaterThanOrEqualTo(19));
        Assert.That(result.Scenarios[0].FailCount, Is.Zero, "iterations we cut short are not failures");
        Assert.That(cleaned, Is.True);
        Assert.That(result.ToString(), Does.Contain("CANCELLED"));
    }

    [Test]
    public async Task RunAsync_StepIgnoresCancellation_RunStillEndsAfterGracePeriods()
    {
        var fake = new FakeTimeProvider();
        var never = new TaskCompletionSource<StepResult>();
        var scenario = Scenario.Create("stuck", Step.Create("hang", _ => new ValueTask<StepResult>(never.Task)))
            .WithLoadSimulations(LoadSimulation.ConstantConcurrency(2, TimeSpan.FromSeconds(1)));

        var result = (await FakeClock.DriveAsync(fake, LoadRunner.RunAsync(scenario, FakeClock.Options(fake, TimeSpan.FromSeconds(1))), TimeSpan.FromMilliseconds(100))).Scenarios[0];

        Assert.That(result.RequestCount, Is.Zero);
        Assert.That(result.Duration, Is.EqualTo(TimeSpan.FromSeconds(1)).Within(TimeSpan.FromMilliseconds(150)));
    }

    [Test]
    public async Task RunAsync_ScenarioWithoutLoadSimulation_ThrowsListingEveryProblem()
    {
        var step = Step.Create("s", _ => ValueTask.FromResult(StepResult.Ok()));
        var a = Scenario.Create("a", step);
        var b = Scenario.Create("a", step).WithLoadSimulations(LoadSimulation.Pause(TimeSpan.FromSeconds(1)));

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => LoadRunner.RunAsync([a, b]));

        Assert.That(ex!.Message, Does.Contain("Scenario 'a' has no load simulation"));
        Assert.That(ex.Message, Does.Contain("Two scenarios are named 'a'"));
    }

    [Test]
    public async Task RunAsync_InitThrows_FailsWithScenarioNameAndStillCleans()
    {
        var cleaned = false;
        var scenario = Scenario.Create("db", Step.Create("s", _ => ValueTask.FromResult(StepResult.Ok())))
            .WithLoadSimulations(LoadSimulation.ConstantConcurrency(1, TimeSpan.FromSeconds(1)))
            .WithInit((_, _) => throw new InvalidDataException("no seed data"))
            .WithClean((_, _) =>
            {
                cleaned = true;
                return Task.CompletedTask;
            });

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => LoadRunner.RunAsync(scenario));

        Assert.That(ex!.Message, Does.Contain("Init of scenario 'db' failed").And.Contain("no seed data"));
        Assert.That(cleaned, Is.True);
    }

    [Test]
    public async Task RunAsync_ProgressAlways_WritesAboutOneLinePerSecond()
    {
        var fake = new FakeTimeProvider();
        using var output = new StringWriter();
        var options = FakeClock.Options(fake);
        options.Progress = ProgressMode.Always;
        options.ProgressWriter = output;
        var scenario = Scenario.Create("p", Step.Create("s", _ => ValueTask.FromResult(StepResult.Ok())))
            .WithLoadSimulations(LoadSimulation.ConstantRate(5, TimeSpan.FromSeconds(3)));

        await FakeClock.DriveAsync(fake, LoadRunner.RunAsync(scenario, options), TimeSpan.FromMilliseconds(100));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // 3 s of load: one line per second; the last second may land in the final (partial) collection.
        Assert.That(lines, Has.Length.InRange(2, 4));
        Assert.That(lines[0], Does.Contain("p:").And.Contain("req/s").And.Contain("p95").And.Contain("dropped 0"));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
