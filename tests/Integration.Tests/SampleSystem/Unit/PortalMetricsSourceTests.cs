using System.Text.Json;
using PerfTests.Resources;
using PerfTests.Suites.Infrastructure;

namespace Integration.Tests.Unit.SampleSystem;

/// <summary>The portal's own /metrics document as resource metrics; outside Integration.Tests.SampleSystem so its SetUpFixture (containers) does not apply.</summary>
[TestFixture]
[Category("Unit")]
public sealed class PortalMetricsSourceTests
{
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
        var first = PortalMetricsSource.Parse(Metrics(hits: 100, misses: 100, bypassed: 0, inUse: 1, requests: 1000), counters, 1);

        var second = PortalMetricsSource.Parse(Metrics(hits: 190, misses: 110, bypassed: 0, inUse: 2, requests: 1200), counters, 2);

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
        PortalMetricsSource.Parse(Metrics(hits: 0, misses: 0, bypassed: 10, inUse: 0, requests: 10), counters, 1);

        var values = PortalMetricsSource.Parse(Metrics(hits: 0, misses: 0, bypassed: 60, inUse: 0, requests: 60), counters, 1);

        Assert.That(values["cache_hit_ratio"], Is.Zero);
    }
}
