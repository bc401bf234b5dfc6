namespace Integration.Tests.SampleSystem;

/// <summary>
/// Redis outages: reads fall back to Postgres without errors, cache errors are counted, and the
/// cache is used again once Redis is back (the outage is a TCP proxy cut, not a stopped Redis).
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class RedisFailureTests
{
    [Test]
    public async Task ClientDetail_RedisUnreachableFromStart_ServedFromPostgresAndErrorsCounted()
    {
        var name = SampleSystemTestEnvironment.NewIsolationName();
        // Port 9 (discard) on loopback has no listener: connection refused, like a dead Redis.
        await using var host = await SampleSystemHost.StartAsync(name, SampleSystemTestEnvironment.Settings(name, redis: "127.0.0.1:9"), seedClients: 50);

        var first = await GetStatusAsync(host, "/api/clients/3");
        var second = await GetStatusAsync(host, "/api/clients/3");
        var metrics = await host.MetricsAsync();
        var health = await host.GetJsonAsync("/health");

        Assert.That(first, Is.EqualTo(200));
        Assert.That(second, Is.EqualTo(200));
        Assert.That(metrics.GetProperty("cache").GetProperty("errors").GetInt64(), Is.GreaterThanOrEqualTo(2));
        Assert.That(metrics.GetProperty("cache").GetProperty("hits").GetInt64(), Is.Zero);
        Assert.That(metrics.GetProperty("requests").GetProperty("errors").GetInt64(), Is.Zero);
        Assert.That(health.GetProperty("status").GetString(), Is.EqualTo("Degraded"));
        Assert.That(health.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString(), Is.EqualTo("Unhealthy"));
    }

    [Test]
    public async Task ClientDetail_RedisCutOffThenRestored_FallsBackThenHitsAgain()
    {
        var redis = SampleSystemTestEnvironment.Redis.Split(',')[0];
        var separator = redis.LastIndexOf(':');
        await using var proxy = new TcpToggleProxy(redis[..separator], int.Parse(redis[(separator + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        var name = SampleSystemTestEnvironment.NewIsolationName();
        await using var host = await SampleSystemHost.StartAsync(name, SampleSystemTestEnvironment.Settings(name, redis: $"127.0.0.1:{proxy.Port}"), seedClients: 50);
        await host.GetJsonAsync("/api/clients/4");
        await host.GetJsonAsync("/api/clients/4");
        var hitsBeforeOutage = Hits(await host.MetricsAsync());

        proxy.CutOff();
        var statusesDuringOutage = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            statusesDuringOutage.Add(await GetStatusAsync(host, "/api/clients/4"));
        }

        var duringOutage = await host.MetricsAsync();
        proxy.Restore();
        var hitsAfterRestore = await WaitForNewHitAsync(host, Hits(duringOutage));

        Assert.That(hitsBeforeOutage, Is.EqualTo(1));
        Assert.That(statusesDuringOutage, Is.All.EqualTo(200));
        Assert.That(duringOutage.GetProperty("cache").GetProperty("errors").GetInt64(), Is.GreaterThanOrEqualTo(1));
        Assert.That(hitsAfterRestore, Is.GreaterThan(Hits(duringOutage)), "the multiplexer reconnected and reads hit Redis again");
    }

    private static long Hits(System.Text.Json.JsonElement metrics) => metrics.GetProperty("cache").GetProperty("hits").GetInt64();

    private static async Task<long> WaitForNewHitAsync(SampleSystemHost host, long hitsSoFar)
    {
        // Reconnection is asynchronous (LinearRetry 500 ms); allow up to 15 s, bounded.
        for (var attempt = 0; attempt < 60; attempt++)
        {
            await host.GetJsonAsync("/api/clients/4");
            var hits = Hits(await host.MetricsAsync());
            if (hits > hitsSoFar)
            {
                return hits;
            }

            await Task.Delay(250);
        }

        return hitsSoFar;
    }

    private static async Task<int> GetStatusAsync(SampleSystemHost host, string path)
    {
        using var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));
        return (int)response.StatusCode;
    }
}
