using Microsoft.Extensions.Time.Testing;
using PerfTests;
using PerfTests.Load.Results;
using PerfTests.Load.Running;

namespace Harness.Tests.Load;

/// <summary>The engine's early stop (k6 abortOnFail): asked once per measured second, stops every scenario, says why.</summary>
public sealed class AbortWhenTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Test]
    public async Task RunAsync_AbortWhenGivesAReasonAtSecondThree_StopsEveryScenarioAndKeepsTheReason()
    {
        // Given two 60 s scenarios; the check on "failing" gives a reason once 3 s are measured.
        var fake = new FakeTimeProvider();
        var failing = Scenario.Create("failing", Step.Create("call", _ => ValueTask.FromResult(StepResult.Fail("500"))))
            .WithLoadSimulations(LoadSimulation.ConstantRate(10, 60 * Second));
        var healthy = Scenario.Create("healthy", Step.Create("call", _ => ValueTask.FromResult(StepResult.Ok())))
            .WithLoadSimulations(LoadSimulation.ConstantRate(10, 60 * Second));
        var asked = new List<(string Scenario, TimeSpan Measured)>();
        var options = FakeClock.Options(fake);
        options.AbortWhen = soFar =>
        {
            lock (asked)
            {
                asked.Add((soFar.Name, soFar.Duration));
            }

            return soFar.Name == "failing" && soFar.Duration >= 3 * Second ? $"error rate {soFar.FailCount}/{soFar.RequestCount}" : null;
        };

        var run = await FakeClock.DriveAsync(fake, LoadRunner.RunAsync([failing, healthy], options), TimeSpan.FromMilliseconds(50));

        // Then: both stopped long before 60 s, the reason names the scenario and the second, and it is not a cancellation.
        Assert.That(run.IsAborted, Is.True);
        Assert.That(run.IsCancelled, Is.False);
        Assert.That(run.AbortReason, Does.StartWith("failing, after 3 s measured: error rate "));
        Assert.That(run.Scenarios.Select(s => s.Duration), Has.All.LessThan(10 * Second));
        Assert.That(run["failing"].RequestCount, Is.InRange(25, 60), "about 3 s at 10/s: the partial figures are kept");
        Assert.That(run.ToString(), Does.Contain("ABORTED: failing, after 3 s"));
        lock (asked)
        {
            Assert.That(asked.Where(a => a.Scenario == "failing").Select(a => a.Measured), Is.EqualTo(new[] { Second, 2 * Second, 3 * Second }),
                "asked once per measured second, with the time measured so far");
        }
    }

    [Test]
    public async Task RunAsync_AbortWhenThrows_StopsTheRunAndSaysTheCheckFailed()
    {
        var fake = new FakeTimeProvider();
        var scenario = Scenario.Create("s", Step.Create("call", _ => ValueTask.FromResult(StepResult.Ok())))
            .WithLoadSimulations(LoadSimulation.ConstantRate(5, 30 * Second));
        var options = FakeClock.Options(fake);
        options.AbortWhen = _ => throw new InvalidOperationException("budget check broke");

        var run = await FakeClock.DriveAsync(fake, LoadRunner.RunAsync(scenario, options), TimeSpan.FromMilliseconds(50));

        Assert.That(run.AbortReason, Is.EqualTo("s, after 1 s measured: the abort check failed: InvalidOperationException: budget check broke"));
    }

    [Test]
    public async Task RunAsync_AbortWhenNeverGivesAReason_RunsTheWholeScheduleUnaborted()
    {
        var fake = new FakeTimeProvider();
        var scenario = Scenario.Create("s", Step.Create("call", _ => ValueTask.FromResult(StepResult.Ok())))
            .WithLoadSimulations(LoadSimulation.ConstantRate(5, 4 * Second));
        var options = FakeClock.Options(fake);
        var checks = 0;
        options.AbortWhen = _ =>
        {
            Interlocked.Increment(ref checks);
            return null;
        };

        var run = await FakeClock.DriveAsync(fake, LoadRunner.RunAsync(scenario, options), TimeSpan.FromMilliseconds(50));

        Assert.That(run.IsAborted, Is.False);
        Assert.That(run.Scenarios[0].RequestCount, Is.EqualTo(20));
        Assert.That(checks, Is.InRange(3, 4));
    }
}
