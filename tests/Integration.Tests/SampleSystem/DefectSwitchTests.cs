using System.Diagnostics;

namespace Integration.Tests.SampleSystem;

/// <summary>The deliberate defects later suites must catch really take effect when switched on.</summary>
[TestFixture]
[Category("Integration")]
public sealed class DefectSwitchTests
{
    [Test]
    public async Task LatencyLeakAndCacheSwitches_Enabled_ShowInResponsesAndMetrics()
    {
        var name = SampleSystemTestEnvironment.NewIsolationName();
        var overrides = new Dictionary<string, string?>
        {
            ["SampleSystem:ExtraLatencyMs"] = "300",
            ["SampleSystem:LeakBytesPerRequest"] = "1048576",
            ["SampleSystem:CacheEnabled"] = "false",
        };
        await using var host = await SampleSystemHost.StartAsync(name, SampleSystemTestEnvironment.Settings(name, overrides: overrides), seedClients: 20);

        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++)
        {
            await host.GetJsonAsync("/api/clients/2");
        }

        stopwatch.Stop();
        var metrics = await host.MetricsAsync();

        // A lower bound only: three sequential requests cannot finish faster than three injected delays.
        Assert.That(stopwatch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900)));
        Assert.That(metrics.GetProperty("defects").GetProperty("leakedBytes").GetInt64(), Is.EqualTo(3 * 1048576));
        Assert.That(metrics.GetProperty("cache").GetProperty("bypassed").GetInt64(), Is.EqualTo(3));
        Assert.That(metrics.GetProperty("cache").GetProperty("hits").GetInt64(), Is.Zero);
        Assert.That(metrics.GetProperty("cache").GetProperty("enabled").GetBoolean(), Is.False);
    }

    [Test]
    public async Task FrontEndSwitches_OnAndOff_ReachThePagesThroughConfigJs()
    {
        var name = SampleSystemTestEnvironment.NewIsolationName();
        var overrides = new Dictionary<string, string?>
        {
            ["SampleSystem:FrontEnd:LayoutShift"] = "true",
            ["SampleSystem:FrontEnd:LongTaskOnClickMs"] = "700",
            ["SampleSystem:FrontEnd:ScrollbarShift"] = "true",
        };
        await using var on = await SampleSystemHost.StartAsync(name, SampleSystemTestEnvironment.Settings(name, overrides: overrides), seedClients: 0);
        var offName = SampleSystemTestEnvironment.NewIsolationName();
        await using var off = await SampleSystemHost.StartAsync(offName, SampleSystemTestEnvironment.Settings(offName), seedClients: 0);

        // app.js reads window.perfDefects: a switch missing here never reaches the page.
        var configOn = await on.Client.GetStringAsync(new Uri("/app/config.js", UriKind.Relative));
        var configOff = await off.Client.GetStringAsync(new Uri("/app/config.js", UriKind.Relative));

        Assert.That(configOn, Is.EqualTo("window.perfDefects = { layoutShift: true, longTaskOnClickMs: 700, scrollbarShift: true };\n"));
        Assert.That(configOff, Is.EqualTo("window.perfDefects = { layoutShift: false, longTaskOnClickMs: 0, scrollbarShift: false };\n"));
    }

    [Test]
    public async Task TinyPoolWithSlowQueries_ConcurrentRequests_SomeFailWith503AndPoolNeverExceedsOne()
    {
        var name = SampleSystemTestEnvironment.NewIsolationName();
        var overrides = new Dictionary<string, string?>
        {
            ["SampleSystem:Database:MaxPoolSize"] = "1",
            ["SampleSystem:Database:ConnectionTimeoutSeconds"] = "1",
            ["SampleSystem:SlowQuery"] = "true",
            ["SampleSystem:SlowQueryDelayMs"] = "2500",
            ["SampleSystem:CacheEnabled"] = "false",
        };
        await using var host = await SampleSystemHost.StartAsync(name, SampleSystemTestEnvironment.Settings(name, overrides: overrides), seedClients: 20);

        var responses = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => host.SendAsync(HttpMethod.Get, $"/api/clients/{i}")));
        var metrics = await host.MetricsAsync();

        var statuses = responses.Select(r => r.Status).ToList();
        Assert.That(statuses, Does.Contain(200), "the request holding the only connection completes");
        Assert.That(statuses, Does.Contain(503), "requests waiting longer than the pool timeout get 503");
        Assert.That(responses.First(r => r.Status == 503).Body.GetProperty("title").GetString(), Is.EqualTo("Database unavailable"));
        Assert.That(metrics.GetProperty("database").GetProperty("peakConnectionsInUse").GetInt32(), Is.EqualTo(1));
        Assert.That(metrics.GetProperty("database").GetProperty("maxPoolSize").GetInt32(), Is.EqualTo(1));
    }
}
