using System.Text.Json;
using PerfTests.Resources;

namespace Harness.Tests.Resources;

[TestFixture]
public sealed class SourceParsingTests
{
    private static readonly string[] RuntimeMetrics = ["gc_pause_ms", "threadpool_queue", "threadpool_threads"];

    [Test]
    public void RedisParse_SecondReading_GivesMemoryClientsOpsAndIntervalHitRatio()
    {
        var counters = new CounterDelta();
        RedisResourceSource.Parse(new Dictionary<string, string> { ["keyspace_hits"] = "10", ["keyspace_misses"] = "10" }, counters);

        var values = RedisResourceSource.Parse(new Dictionary<string, string>
        {
            ["used_memory"] = "2097152", ["connected_clients"] = "7", ["instantaneous_ops_per_sec"] = "450",
            ["keyspace_hits"] = "40", ["keyspace_misses"] = "20",
        }, counters);

        Assert.That(values["used_memory_mb"], Is.EqualTo(2));
        Assert.That(values["connected_clients"], Is.EqualTo(7));
        Assert.That(values["ops_per_s"], Is.EqualTo(450));
        Assert.That(values["hit_ratio"], Is.EqualTo(0.75));
    }

    [Test]
    public void CounterDelta_CounterGoesBackwards_GivesNoChangeInsteadOfANegativeOne()
    {
        var counters = new CounterDelta();
        counters.Next("hits", 100);

        Assert.That(counters.Next("hits", 5), Is.Null);
        Assert.That(counters.Next("hits", 15), Is.EqualTo(10));
    }

    [Test]
    public async Task ProcessSource_TestProcess_ReportsRuntimeNumbers()
    {
        using var source = ProcessResourceSource.ForTestProcess();

        var values = await source.SampleAsync(CancellationToken.None);

        Assert.That(source.Name, Is.EqualTo("test_process"));
        Assert.That(values["working_set_mb"], Is.GreaterThan(0));
        Assert.That(values["gc_heap_mb"], Is.GreaterThan(0));
        Assert.That(values.Keys, Is.SupersetOf(RuntimeMetrics));
    }

    [Test]
    public async Task ProcessSource_FirstSampleRightAfterCreation_HasNoCpuReadingInsteadOfAFakeSpike()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var source = ProcessResourceSource.ForTestProcess(time);

        var first = await source.SampleAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        var second = await source.SampleAsync(CancellationToken.None);

        Assert.That(first.ContainsKey("cpu"), Is.False, "an interval below the processor clock's resolution is no reading");
        Assert.That(second["cpu"], Is.InRange(0.0, 1.0), "a share of all cores over the last second");
    }
}
