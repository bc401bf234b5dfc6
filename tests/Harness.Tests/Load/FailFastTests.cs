using Microsoft.Extensions.Time.Testing;
using PerfTests;
using PerfTests.Load.Running;

namespace Harness.Tests.Load;

/// <summary>A dead target stops the run in seconds, naming the first error; a target that answered once never does.</summary>
public sealed class FailFastTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static Step Refused(Func<bool>? reachable = null) => Step.Create("get", _ => ValueTask.FromResult(reachable?.Invoke() == true
        ? StepResult.Fail(503)
        : StepResult.Unreachable("ConnectionError", "Connection refused (http://127.0.0.1:9/orders)")));

    [Test]
    public async Task RunAsync_FirstTenIterationsUnreachable_StopsAndNamesTheFirstError()
    {
        var fake = new FakeTimeProvider();
        var scenario = Scenario.Create("orders", Refused()).WithLoadSimulations(LoadSimulation.ConstantRate(50, 60 * Second));

        var run = await FakeClock.DriveAsync(fake, LoadRunner.RunAsync(scenario, FakeClock.Options(fake)), TimeSpan.FromMilliseconds(10));

        Assert.That(run.TargetUnreachable, Is.True);
        Assert.That(run.AbortReason, Does.StartWith("the target is unreachable: the first 10 request(s) of 'orders'")
            .And.EndWith("the first: Connection refused (http://127.0.0.1:9/orders)"));
        Assert.That(run.Scenarios[0].Duration, Is.LessThan(Second), "stopped within the first second, not after 60 s");
    }

    [Test]
    public async Task RunAsync_SlowScheduleUnreachable_StopsAfterTheWindow()
    {
        // One arrival per second: ten would take ten seconds; the 3 s window decides first.
        var fake = new FakeTimeProvider();
        var scenario = Scenario.Create("slow", Refused()).WithLoadSimulations(LoadSimulation.ConstantRate(1, 60 * Second));

        var run = await FakeClock.DriveAsync(fake, LoadRunner.RunAsync(scenario, FakeClock.Options(fake)), TimeSpan.FromMilliseconds(50));

        Assert.That(run.TargetUnreachable, Is.True);
        Assert.That(run.AbortReason, Does.Match(@"the first 4 request\(s\) of 'slow' in 3\.\d s"));
    }

    [Test]
    public async Task RunAsync_TargetAnsweredOnceThenRefuses_RunsTheWholeSchedule()
    {
        // An answer (even a 503) proves the target was there: later refusals are the system's failures, measured.
        var fake = new FakeTimeProvider();
        var calls = 0;
        var scenario = Scenario.Create("flaky", Refused(() => Interlocked.Increment(ref calls) == 1))
            .WithLoadSimulations(LoadSimulation.ConstantRate(20, 3 * Second));

        var run = await FakeClock.DriveAsync(fake, LoadRunner.RunAsync(scenario, FakeClock.Options(fake)), TimeSpan.FromMilliseconds(10));

        Assert.That(run.IsAborted, Is.False);
        Assert.That(run.Scenarios[0].FailCount, Is.EqualTo(60));
    }

    [Test]
    public async Task RunAsync_FailFastDisabled_MeasuresEveryRefusal()
    {
        var fake = new FakeTimeProvider();
        var options = FakeClock.Options(fake);
        options.FailFastAfter = 0;
        var scenario = Scenario.Create("orders", Refused()).WithLoadSimulations(LoadSimulation.ConstantRate(20, 2 * Second));

        var run = await FakeClock.DriveAsync(fake, LoadRunner.RunAsync(scenario, options), TimeSpan.FromMilliseconds(10));

        Assert.That(run.IsAborted, Is.False);
        Assert.That(run.Scenarios[0].FailCount, Is.EqualTo(40));
    }
}
