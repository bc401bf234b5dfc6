using Microsoft.Extensions.Time.Testing;
using PerfTests.Containers.Faults;

namespace Integration.Tests.Unit.Faults;

[Category("Unit")]
public sealed class FaultWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void From_AppliedThenRemoved_IsOneWindowMeasuredFromTheStart()
    {
        var clock = new FakeTimeProvider(Start);
        var injector = new FaultInjector(clock, seed: 1);
        var fault = Fault.ErrorRatio(503, 0.3);
        clock.Advance(TimeSpan.FromSeconds(20));
        injector.Apply(fault);
        clock.Advance(TimeSpan.FromSeconds(20));
        injector.Remove(fault);

        var windows = FaultWindow.Windows(injector.Timeline, Start + TimeSpan.FromSeconds(5));

        Assert.That(windows, Has.Count.EqualTo(1));
        Assert.That(windows[0].From, Is.EqualTo(TimeSpan.FromSeconds(15)));
        Assert.That(windows[0].To, Is.EqualTo(TimeSpan.FromSeconds(35)));
    }

    [Test]
    public void From_AppliedDuringWarmUpAndNeverRemoved_StartsAtZeroAndRunsToTheEnd()
    {
        var clock = new FakeTimeProvider(Start);
        var injector = new FaultInjector(clock, seed: 1);
        injector.Apply(Fault.FixedLatency(TimeSpan.FromMilliseconds(300)));

        var windows = FaultWindow.Windows(injector.Timeline, Start + TimeSpan.FromSeconds(5));

        Assert.That(windows.Single().From, Is.EqualTo(TimeSpan.Zero));
        Assert.That(windows.Single().To, Is.Null);
    }

    [Test]
    public void From_Cleared_ClosesEveryOpenWindow()
    {
        var clock = new FakeTimeProvider(Start);
        var injector = new FaultInjector(clock, seed: 1);
        injector.Apply(Fault.FixedLatency(TimeSpan.FromMilliseconds(300)));
        injector.Apply(Fault.ErrorRatio(500, 0.1));
        clock.Advance(TimeSpan.FromSeconds(10));
        injector.Clear();

        var windows = FaultWindow.Windows(injector.Timeline, Start);

        Assert.That(windows, Has.Count.EqualTo(2));
        Assert.That(windows.Select(w => w.To), Has.All.EqualTo(TimeSpan.FromSeconds(10)));
    }
}
