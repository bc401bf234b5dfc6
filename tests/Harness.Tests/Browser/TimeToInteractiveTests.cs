using PerfTests.Browser;

namespace Harness.Tests.Browser;

public sealed class TimeToInteractiveTests
{
    private static ResourceEntry Fetch(double start, double end) => new("http://127.0.0.1/x", "fetch", 100) { StartTime = start, ResponseEnd = end };

    [Test]
    public void Compute_NoLongTaskAndQuietNetwork_IsFcp()
    {
        Assert.That(TimeToInteractive.Compute(1000, 0, [], [Fetch(0, 500)], 7000), Is.EqualTo(1000));
    }

    [Test]
    public void Compute_LongTaskAfterFcp_IsTheEndOfTheLastLongTaskBeforeTheQuietWindow()
    {
        LongTaskEntry[] tasks = [new(1500, 100), new(3000, 200)];
        Assert.That(TimeToInteractive.Compute(1000, 0, tasks, [], 9000), Is.EqualTo(3200));
    }

    [Test]
    public void Compute_DomContentLoadedAfterFcpAndTheLastLongTask_IsDomContentLoaded()
    {
        // Lighthouse: a page with no long task whose deferred script runs late is interactive at DOMContentLoaded.
        Assert.That(TimeToInteractive.Compute(1000, 1800, [], [], 7000), Is.EqualTo(1800));
        Assert.That(TimeToInteractive.Compute(1000, 1800, [new(1500, 900)], [], 9000), Is.EqualTo(2400));
    }

    [Test]
    public void Compute_LongTaskOnlyBeforeFcp_DoesNotMoveTti()
    {
        Assert.That(TimeToInteractive.Compute(1000, 0, [new(200, 300)], [], 7000), Is.EqualTo(1000));
    }

    [Test]
    public void Compute_ThreeRequestsInFlight_WindowStartsWhenOneEnds()
    {
        // Three in flight until 2000 ms: the quiet window can start there at the earliest, so TTI (still FCP,
        // no long task) is known only once the page was watched until 7000 ms.
        ResourceEntry[] busy = [Fetch(900, 2000), Fetch(900, 2500), Fetch(900, 3000)];
        Assert.Multiple(() =>
        {
            Assert.That(TimeToInteractive.Compute(1000, 0, [], busy, 6900), Is.Null);
            Assert.That(TimeToInteractive.Compute(1000, 0, [], busy, 7100), Is.EqualTo(1000));
        });
    }

    [Test]
    public void Compute_WatchedLessThanTheQuietWindow_IsUndefined()
    {
        Assert.That(TimeToInteractive.Compute(1000, 0, [new(2000, 100)], [], 6000), Is.Null);
    }

    [Test]
    public void Compute_LongTasksCloserThan5s_KeepPushingTheWindow()
    {
        LongTaskEntry[] tasks = [new(2000, 60), new(6000, 60), new(10000, 60)];
        Assert.That(TimeToInteractive.Compute(1000, 0, tasks, [], 16000), Is.EqualTo(10060));
    }

    [Test]
    public void Compute_NoFcp_IsUndefined()
    {
        Assert.That(TimeToInteractive.Compute(null, 0, [], [], 60000), Is.Null);
    }
}
