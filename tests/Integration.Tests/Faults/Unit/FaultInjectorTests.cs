using Microsoft.Extensions.Time.Testing;
using PerfTests.Containers.Faults;

// Outside the Integration.Tests.Faults namespace on purpose: these need no containers, so the
// namespace's SetUpFixture (which starts the environment) must not apply to them.
namespace Integration.Tests.Unit.Faults;

[Category("Unit")]
public sealed class FaultInjectorTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void Decide_NoActiveFault_AnswersNormallyWithoutDelay()
    {
        var injector = new FaultInjector(new FakeTimeProvider(Start), seed: 1);

        Assert.That(injector.Decide(), Is.EqualTo(FaultDecision.None));
    }

    [Test]
    public void Decide_ErrorRatio30Percent_HitsAboutThirtyPercentOf10000Draws()
    {
        var injector = new FaultInjector(new FakeTimeProvider(Start), seed: 7);
        injector.Apply(Fault.ErrorRatio(503, 0.3));

        var hits = Enumerable.Range(0, 10_000).Count(_ => injector.Decide().Action is { StatusCode: 503 });

        Assert.That(hits / 10_000.0, Is.EqualTo(0.3).Within(0.02));
    }

    [Test]
    public void Decide_SameSeed_SameSequenceOfDecisions()
    {
        static bool[] Run()
        {
            var injector = new FaultInjector(new FakeTimeProvider(Start), seed: 99);
            injector.Apply(Fault.ConnectionReset(0.5));
            return Enumerable.Range(0, 50).Select(_ => injector.Decide().Action is not null).ToArray();
        }

        var first = Run();
        var second = Run();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(first, Does.Contain(true).And.Contain(false), "a 50% fault both hits and misses");
        }
    }

    [Test]
    public void Decide_LatencyAndError_SumsDelaysAndKeepsTheFirstResponseFault()
    {
        var injector = new FaultInjector(new FakeTimeProvider(Start), seed: 3);
        injector.Apply(Fault.FixedLatency(TimeSpan.FromMilliseconds(100)));
        injector.Apply(Fault.Timeout(TimeSpan.FromSeconds(2)));
        injector.Apply(Fault.MalformedBody());
        injector.Apply(Fault.ErrorRatio(503, 1.0));

        var decision = injector.Decide();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.Delay, Is.EqualTo(TimeSpan.FromMilliseconds(2_100)));
            Assert.That(decision.Action?.Kind, Is.EqualTo(FaultKind.MalformedBody));
        }
    }

    [Test]
    public void Schedule_From20sTo40s_AppliesAndRemovesOnTheClockAndRecordsTimestamps()
    {
        var clock = new FakeTimeProvider(Start);
        var injector = new FaultInjector(clock, seed: 1);
        var fault = Fault.ErrorRatio(503, 0.3);

        using var handle = injector.Schedule(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40), fault);
        clock.Advance(TimeSpan.FromSeconds(19));
        var at19 = injector.Active.Count;
        clock.Advance(TimeSpan.FromSeconds(1));
        var at20 = injector.Active.ToArray();
        clock.Advance(TimeSpan.FromSeconds(20));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(at19, Is.Zero);
            Assert.That(at20, Is.EqualTo(new[] { fault }));
            Assert.That(injector.Active, Is.Empty);
            Assert.That(injector.Timeline.Entries, Is.EqualTo(new[]
            {
                new FaultTimelineEntry(Start.AddSeconds(20), FaultChange.Applied, "HTTP 503 on 30% of requests"),
                new FaultTimelineEntry(Start.AddSeconds(40), FaultChange.Removed, "HTTP 503 on 30% of requests"),
            }));
        }
    }

    [Test]
    public void Schedule_DisposedBeforeStart_NeverApplies()
    {
        var clock = new FakeTimeProvider(Start);
        var injector = new FaultInjector(clock, seed: 1);

        injector.Schedule(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), Fault.ConnectionReset()).Dispose();
        clock.Advance(TimeSpan.FromSeconds(30));

        Assert.That(injector.Timeline.Entries, Is.Empty);
    }

    [Test]
    public void Schedule_DisposedWhileActive_RemovesTheFaultAtDisposal()
    {
        var clock = new FakeTimeProvider(Start);
        var injector = new FaultInjector(clock, seed: 1);
        var handle = injector.Schedule(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60), Fault.EmptyResponse());

        // Timeline entries carry the time the change took effect, so step onto the due time first.
        clock.Advance(TimeSpan.FromSeconds(5));
        clock.Advance(TimeSpan.FromSeconds(5));
        handle.Dispose();
        clock.Advance(TimeSpan.FromSeconds(60));

        Assert.That(injector.Timeline.Entries.Select(e => (e.Change, e.At)).ToArray(), Is.EqualTo(new[]
        {
            (FaultChange.Applied, Start.AddSeconds(5)),
            (FaultChange.Removed, Start.AddSeconds(10)),
        }));
    }

    [Test]
    public void Schedule_ToNotAfterFrom_Throws()
    {
        var injector = new FaultInjector(new FakeTimeProvider(Start), seed: 1);

        Assert.That(
            () => injector.Schedule(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), Fault.EmptyResponse()),
            Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Remove_FaultNotActive_ReturnsFalseAndRecordsNothing()
    {
        var injector = new FaultInjector(new FakeTimeProvider(Start), seed: 1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(injector.Remove(Fault.EmptyResponse()), Is.False);
            Assert.That(injector.Timeline.Entries, Is.Empty);
        }
    }
}
