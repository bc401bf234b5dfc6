namespace Integration.Tests.SampleSystem;

/// <summary>
/// Market prices failures: last known prices are served flagged stale, unknown symbols give a 503
/// problem, and the circuit breaker opens so a failing service stops receiving calls.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class DownstreamFailureTests
{
    private PriceStub _stub = null!;
    private SampleSystemHost _host = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _stub = await PriceStub.StartAsync();
        var name = SampleSystemTestEnvironment.NewIsolationName();
        var overrides = new Dictionary<string, string?>
        {
            ["SampleSystem:MarketPrices:RetryCount"] = "1",
            ["SampleSystem:MarketPrices:RetryBaseDelayMs"] = "10",
            ["SampleSystem:MarketPrices:BreakerMinimumThroughput"] = "4",
            ["SampleSystem:MarketPrices:BreakDurationSeconds"] = "60",
        };
        _host = await SampleSystemHost.StartAsync(name, SampleSystemTestEnvironment.Settings(name, pricesUrl: _stub.BaseAddress.ToString(), overrides: overrides), seedClients: 50);
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _host.DisposeAsync();
        await _stub.DisposeAsync();
    }

    [Test]
    public async Task Valuation_DownstreamFailsAfterPricing_ServesLastKnownPricesFlaggedStale()
    {
        var fresh = await _host.GetJsonAsync("/api/portfolios/1/valuation");
        _stub.Failing = true;

        var stale = await _host.GetJsonAsync("/api/portfolios/1/valuation");

        Assert.That(fresh.GetProperty("stale").GetBoolean(), Is.False);
        Assert.That(stale.GetProperty("stale").GetBoolean(), Is.True);
        Assert.That(stale.GetProperty("totalValue").GetDecimal(), Is.EqualTo(fresh.GetProperty("totalValue").GetDecimal()));
        foreach (var h in fresh.GetProperty("holdings").EnumerateArray())
        {
            Assert.That(h.GetProperty("price").GetDecimal(), Is.EqualTo(PriceStub.PriceOf(h.GetProperty("symbol").GetString()!)));
        }

        var metrics = await _host.MetricsAsync();
        Assert.That(metrics.GetProperty("downstream").GetProperty("staleServed").GetInt64(), Is.GreaterThan(0));
        Assert.That(metrics.GetProperty("downstream").GetProperty("retries").GetInt64(), Is.GreaterThan(0));
    }

    [Test]
    public async Task Valuation_DownstreamFailsForNeverPricedSymbol_Returns503ProblemNamingSymbols()
    {
        _stub.Failing = true;

        var (status, problem) = await _host.SendAsync(HttpMethod.Get, "/api/portfolios/2/valuation");

        Assert.That(status, Is.EqualTo(503));
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Market prices unavailable"));
        Assert.That(problem.GetProperty("unpricedSymbols").GetArrayLength(), Is.GreaterThan(0));
    }

    [Test]
    public async Task Valuation_RepeatedDownstreamFailures_OpensBreakerAndStopsCallingService()
    {
        _stub.Failing = true;
        for (var i = 0; i < 3; i++)
        {
            await _host.SendAsync(HttpMethod.Get, $"/api/portfolios/{i + 1}/valuation");
        }

        var requestsWhenOpen = _stub.Requests;
        var (status, _) = await _host.SendAsync(HttpMethod.Get, "/api/portfolios/4/valuation");
        var metrics = await _host.MetricsAsync();
        var health = await _host.GetJsonAsync("/health");

        Assert.That(metrics.GetProperty("downstream").GetProperty("breakerState").GetString(), Is.EqualTo("Open"));
        Assert.That(metrics.GetProperty("downstream").GetProperty("breakerOpened").GetInt64(), Is.EqualTo(1));
        Assert.That(_stub.Requests, Is.EqualTo(requestsWhenOpen), "an open breaker rejects calls without sending them");
        Assert.That(status, Is.EqualTo(503));
        Assert.That(health.GetProperty("checks").GetProperty("marketPrices").GetProperty("status").GetString(), Is.EqualTo("Unhealthy"));
        Assert.That(health.GetProperty("status").GetString(), Is.EqualTo("Degraded"));
    }
}
