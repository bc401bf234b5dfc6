using Microsoft.Extensions.Time.Testing;
using PerfTests;
using PerfTests.Load.Sharding;

namespace Harness.Tests.Sharding;

/// <summary>Shards wait for one start, on a fake clock: not a tick early, not at all once it passed, never a day.</summary>
[TestFixture]
public sealed class ShardStartTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task WaitAsync_BeforeTheStart_ReturnsAtTheStartAndNotBefore()
    {
        var time = new FakeTimeProvider(Now);
        using var output = new StringWriter();
        var wait = ShardStart.WaitAsync(Sharded(Now.AddSeconds(90)), time, output, CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(89.999));
        Assert.That(wait.IsCompleted, Is.False, "a shard that starts early runs arrivals the others do not overlap");
        time.Advance(TimeSpan.FromMilliseconds(1));
        await wait.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(output.ToString(), Does.Contain("shard 2/4: waiting 90 s for the shards' start at 2026-12-07T06:01:30Z"));
    }

    [Test]
    public void WaitAsync_PastTheStart_StartsAtOnceAndSaysHowLate()
    {
        var time = new FakeTimeProvider(Now);
        using var output = new StringWriter();

        var wait = ShardStart.WaitAsync(Sharded(Now.AddSeconds(-12.5)), time, output, CancellationToken.None);

        Assert.That(wait.IsCompletedSuccessfully, Is.True);
        Assert.That(output.ToString(), Does.Contain("passed 12.5 s ago; starting now"));
    }

    [Test]
    public void WaitAsync_NotSharded_DoesNotWait()
    {
        var time = new FakeTimeProvider(Now);
        using var output = new StringWriter();

        var wait = ShardStart.WaitAsync(new PerfSettings { ShardStartAt = Now.AddMinutes(5) }, time, output, CancellationToken.None);

        Assert.That((wait.IsCompletedSuccessfully, output.ToString()), Is.EqualTo((true, "")));
    }

    [Test]
    public void WaitAsync_Cancelled_StopsWaiting()
    {
        var time = new FakeTimeProvider(Now);
        using var stop = new CancellationTokenSource();
        var wait = ShardStart.WaitAsync(Sharded(Now.AddMinutes(10)), time, TextWriter.Null, stop.Token);

        stop.Cancel();

        Assert.That(async () => await wait, Throws.InstanceOf<OperationCanceledException>(), "an interrupted shard stops at once, not in ten minutes");
    }

    [Test]
    public void Check_StartFurtherThanTheLongestWait_RefusedBeforeSetUp()
    {
        var time = new FakeTimeProvider(Now);

        Assert.Multiple(() =>
        {
            Assert.That(() => ShardStart.Check(Sharded(Now.AddMinutes(61)), time),
                Throws.TypeOf<PerfSettingsException>().With.Message.Contains("PERF_SHARD_START_AT is 2026-12-07T07:01:00Z, 61 min from now; a shard waits at most 60 minutes"));
            Assert.That(() => ShardStart.Check(Sharded(Now.AddMinutes(59)), time), Throws.Nothing);
            Assert.That(() => ShardStart.Check(Sharded(Now.AddDays(-1)), time), Throws.Nothing, "a start long past runs at once; the merge judges the gap");
        });
    }

    private static PerfSettings Sharded(DateTimeOffset start) => new() { Shard = Shard.Of(1, 4), ShardStartAt = start };
}
