using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Integration.Tests.SampleSystem;

/// <summary>
/// The SlowdownPercent defect (the baseline gate's injected regression): every /api response is held
/// back by N % of its own handler time, shown in X-Injected-Delay-Us; off, nothing is added.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class SlowdownSwitchTests
{
    private const string Header = "X-Injected-Delay-Us";

    [Test]
    public async Task Slowdown_FifteenPercentOnA200MsHandler_InjectsAtLeast30MsAndKeepsTheBody()
    {
        // A slow query makes the handler take at least 200 ms, so 15 % of it is at least 30 ms.
        await using var host = await StartAsync(new()
        {
            ["SampleSystem:SlowdownPercent"] = "15",
            ["SampleSystem:SlowQuery"] = "true",
            ["SampleSystem:SlowQueryDelayMs"] = "200",
            ["SampleSystem:CacheEnabled"] = "false",
        });

        var stopwatch = Stopwatch.StartNew();
        using var response = await host.Client.GetAsync(new Uri("/api/clients/2", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        stopwatch.Stop();

        var injectedUs = InjectedUs(response);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), body);
        Assert.That(injectedUs, Is.GreaterThanOrEqualTo(30_000), "15 % of a handler that took >= 200 ms");
        // Lower bounds only: the request cannot be faster than the slow query plus the injected delay.
        Assert.That(stopwatch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(200) + TimeSpan.FromMicroseconds(injectedUs)));
        Assert.That(response.Content.Headers.ContentLength, Is.EqualTo(System.Text.Encoding.UTF8.GetByteCount(body)));
        Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64(), Is.EqualTo(2));
        var metrics = await host.MetricsAsync();
        Assert.That(metrics.GetProperty("defects").GetProperty("slowdownPercent").GetInt32(), Is.EqualTo(15));
    }

    [Test]
    public async Task Slowdown_Off_NoHeaderAndNoDelay()
    {
        await using var host = await StartAsync([]);

        using var response = await host.Client.GetAsync(new Uri("/api/clients/2", UriKind.Relative));

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Headers.Contains(Header), Is.False);
    }

    [Test]
    public async Task Slowdown_FromEnvironmentVariable_ReachesTheInProcessPortal()
    {
        // The suites start the portal like this (settings without the switch); CI and
        // scripts/measure-gate-trust.sh switch it on with the environment variable alone.
        System.Environment.SetEnvironmentVariable("SampleSystem__SlowdownPercent", "15");
        try
        {
            await using var host = await StartAsync([]);

            using var response = await host.Client.GetAsync(new Uri("/api/clients/2", UriKind.Relative));

            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(response.Headers.Contains(Header), Is.True, "SampleSystem__SlowdownPercent did not reach the portal");
        }
        finally
        {
            System.Environment.SetEnvironmentVariable("SampleSystem__SlowdownPercent", null);
        }
    }

    private static Task<SampleSystemHost> StartAsync(Dictionary<string, string?> overrides)
    {
        var name = SampleSystemTestEnvironment.NewIsolationName();
        return SampleSystemHost.StartAsync(name, SampleSystemTestEnvironment.Settings(name, overrides: overrides), seedClients: 5);
    }

    private static long InjectedUs(HttpResponseMessage response)
    {
        Assert.That(response.Headers.TryGetValues(Header, out var values), Is.True, $"no {Header} header");
        return long.Parse(values!.Single(), CultureInfo.InvariantCulture);
    }
}
