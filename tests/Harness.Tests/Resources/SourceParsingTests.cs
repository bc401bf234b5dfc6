using System.Text.Json;
using PerfTests.Resources;

namespace Harness.Tests.Resources;

[TestFixture]
public sealed class SourceParsingTests
{
    private static readonly string[] RuntimeMetrics = ["gc_pause_ms", "threadpool_queue", "threadpool_threads"];


    private static JsonElement Metrics(long hits, long misses, long bypassed, int inUse, long requests) =>
        JsonDocument.Parse($$"""
            {"requests":{"total":{{requests}},"errors":0},
             "cache":{"enabled":true,"hits":{{hits}},"misses":{{misses}},"errors":0,"bypassed":{{bypassed}}},
             "database":{"maxPoolSize":2,"connectionsInUse":{{inUse}}},
             "process":{"workingSetBytes":104857600,"gcHeapBytes":52428800} }
            """).RootElement;

    [Test]
    public void AppParse_SecondReading_GivesIntervalHitRatioPoolUsageAndRates()
    {
        var counters = new CounterDelta();
        var first = AppMetricsSource.Parse(Metrics(hits: 100, misses: 100, bypassed: 0, inUse: 1, requests: 1000), counters, 1);

        var second = AppMetricsSource.Parse(Metrics(hits: 190, misses: 110, bypassed: 0, inUse: 2, requests: 1200), counters, 2);

        Assert.That(first["cache_hit_ratio"], Is.NaN, "no previous reading, so no interval yet");
        Assert.That(second["cache_hit_ratio"], Is.EqualTo(0.9).Within(1e-9));
        Assert.That(second["pool_usage"], Is.EqualTo(1.0));
        Assert.That(second["requests_per_s"], Is.EqualTo(100));
        Assert.That(second["working_set_mb"], Is.EqualTo(100));
        Assert.That(second["gc_heap_mb"], Is.EqualTo(50));
    }

    [Test]
    public void AppParse_CacheDisabledReadsBypass_CountsThemAsMisses()
    {
        var counters = new CounterDelta();
        AppMetricsSource.Parse(Metrics(hits: 0, misses: 0, bypassed: 10, inUse: 0, requests: 10), counters, 1);

        var values = AppMetricsSource.Parse(Metrics(hits: 0, misses: 0, bypassed: 60, inUse: 0, requests: 60), counters, 1);

        Assert.That(values["cache_hit_ratio"], Is.Zero);
    }

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
}
