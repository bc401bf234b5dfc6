using System.Diagnostics;
using System.Globalization;

namespace Integration.Tests.SampleSystem;

/// <summary>
/// The ExtraLatencyUs defect (the side-by-side gate's injected regression): a constant number of
/// microseconds added to every /api request, announced in X-Injected-Delay-Us; off, nothing is added.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class ExtraLatencyUsSwitchTests
{
    private const string Header = "X-Injected-Delay-Us";

    // 900 µs is spun only; 2,600 µs waits one timer millisecond, then spins the rest.
    [TestCase(900)]
    [TestCase(2_600)]
    public async Task ExtraLatencyUs_On_DelaysEveryApiRequestAndSaysSo(int extraUs)
    {
        await using var host = await StartAsync(new() { ["SampleSystem:ExtraLatencyUs"] = extraUs.ToString(CultureInfo.InvariantCulture) });
        const int Requests = 5;

        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < Requests; i++)
        {
            using var response = await host.Client.GetAsync(new Uri("/api/clients/2", UriKind.Relative));
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(response.Headers.TryGetValues(Header, out var values), Is.True, $"no {Header} header");
            Assert.That(values!.Single(), Is.EqualTo(extraUs.ToString(CultureInfo.InvariantCulture)));
        }

        stopwatch.Stop();
        using var health = await host.Client.GetAsync(new Uri("/health", UriKind.Relative));
        var metrics = await host.MetricsAsync();

        // A lower bound only: sequential requests cannot finish faster than their injected delays.
        Assert.That(stopwatch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMicroseconds(Requests * extraUs)));
        Assert.That(health.Headers.Contains(Header), Is.False, "only /api requests are delayed");
        Assert.That(metrics.GetProperty("defects").GetProperty("extraLatencyUs").GetInt32(), Is.EqualTo(extraUs));
    }

    [Test]
    public async Task ExtraLatencyUs_Off_NoHeader()
    {
        await using var host = await StartAsync([]);

        using var response = await host.Client.GetAsync(new Uri("/api/clients/2", UriKind.Relative));
        var metrics = await host.MetricsAsync();

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Headers.Contains(Header), Is.False);
        Assert.That(metrics.GetProperty("defects").GetProperty("extraLatencyUs").GetInt32(), Is.Zero);
    }

    private static Task<SampleSystemHost> StartAsync(Dictionary<string, string?> overrides)
    {
        var name = SampleSystemTestEnvironment.NewIsolationName();
        return SampleSystemHost.StartAsync(name, SampleSystemTestEnvironment.Settings(name, overrides: overrides), seedClients: 5);
    }
}
