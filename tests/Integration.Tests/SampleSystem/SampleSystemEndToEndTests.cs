using System.Text.Json;

namespace Integration.Tests.SampleSystem;

/// <summary>The sample system on real Kestrel driving Postgres, Redis and the market prices service.</summary>
[TestFixture]
[Category("Integration")]
public sealed class SampleSystemEndToEndTests
{
    private static readonly string[] GrantedPermissions = ["clients.read", "audit.read"];
    private SampleSystemHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var name = SampleSystemTestEnvironment.NewIsolationName();
        _host = await SampleSystemHost.StartAsync(name, SampleSystemTestEnvironment.Settings(name), seedClients: 200);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public void BaseAddress_KestrelHost_IsLoopbackWithRealPort()
    {
        Assert.That(_host.BaseAddress.Host, Is.EqualTo("127.0.0.1"));
        Assert.That(_host.BaseAddress.Port, Is.GreaterThan(0));
    }

    [Test]
    public async Task Health_AllDependenciesUp_ReportsEachCheckHealthy()
    {
        var health = await _host.GetJsonAsync("/health");

        Assert.That(health.GetProperty("checks").GetProperty("postgres").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        Assert.That(health.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        Assert.That(health.GetProperty("checks").GetProperty("marketPrices").GetProperty("status").GetString(), Is.Not.Null);
    }

    [Test]
    public async Task ClientDetail_SecondRead_IsCacheHitInMetrics()
    {
        var before = (await _host.MetricsAsync()).GetProperty("cache");

        var first = await _host.GetJsonAsync("/api/clients/17");
        var second = await _host.GetJsonAsync("/api/clients/17");

        var after = (await _host.MetricsAsync()).GetProperty("cache");
        Assert.That(second.GetProperty("email").GetString(), Is.EqualTo(first.GetProperty("email").GetString()));
        Assert.That(after.GetProperty("misses").GetInt64() - before.GetProperty("misses").GetInt64(), Is.EqualTo(1), "first read goes to Postgres");
        Assert.That(after.GetProperty("hits").GetInt64() - before.GetProperty("hits").GetInt64(), Is.EqualTo(1), "second read is served by Redis");
        Assert.That(after.GetProperty("hitRatio").GetDouble(), Is.GreaterThan(0));
    }

    [Test]
    public async Task UpdateClient_AfterCachedRead_InvalidatesCachedDetail()
    {
        var original = await _host.GetJsonAsync("/api/clients/18");
        var input = new { groupId = original.GetProperty("groupId").GetInt64(), firstName = "Renamed", lastName = "Client", email = "renamed@example.test", riskProfile = "growth" };

        var (status, _) = await _host.SendAsync(HttpMethod.Put, "/api/clients/18", input);
        var reread = await _host.GetJsonAsync("/api/clients/18");

        Assert.That(status, Is.EqualTo(204));
        Assert.That(reread.GetProperty("firstName").GetString(), Is.EqualTo("Renamed"));
    }

    [Test]
    public async Task Valuation_HealthyDownstream_ValuesHoldingsWithFreshPrices()
    {
        var callsBefore = (await _host.MetricsAsync()).GetProperty("downstream").GetProperty("calls").GetInt64();

        var valuation = await _host.GetJsonAsync("/api/portfolios/3/valuation");

        var holdings = valuation.GetProperty("holdings").EnumerateArray().ToList();
        Assert.That(holdings, Is.Not.Empty);
        Assert.That(valuation.GetProperty("stale").GetBoolean(), Is.False);
        foreach (var h in holdings)
        {
            var expected = Math.Round(h.GetProperty("units").GetDecimal() * h.GetProperty("price").GetDecimal(), 2);
            Assert.That(h.GetProperty("price").GetDecimal(), Is.GreaterThan(0m));
            Assert.That(h.GetProperty("value").GetDecimal(), Is.EqualTo(expected));
        }

        Assert.That(valuation.GetProperty("totalValue").GetDecimal(), Is.EqualTo(holdings.Sum(h => h.GetProperty("value").GetDecimal())));
        var callsAfter = (await _host.MetricsAsync()).GetProperty("downstream").GetProperty("calls").GetInt64();
        Assert.That(callsAfter, Is.GreaterThan(callsBefore), "the valuation called the market prices service");
    }

    [Test]
    public async Task ClientList_SearchByLastNamePrefix_ReturnsOnlyMatchingPage()
    {
        var page = await _host.GetJsonAsync("/api/clients?page=1&size=5&search=Smi");

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.That(items, Has.Count.LessThanOrEqualTo(5));
        Assert.That(items.Select(i => i.GetProperty("lastName").GetString()), Is.All.StartsWith("Smi"));
        Assert.That(page.GetProperty("total").GetInt64(), Is.GreaterThanOrEqualTo(items.Count));
    }

    [Test]
    public async Task ClientList_SizeAboveLimit_IsValidationProblem()
    {
        var (status, body) = await _host.SendAsync(HttpMethod.Get, "/api/clients?size=5000");

        Assert.That(status, Is.EqualTo(400));
        Assert.That(body.GetProperty("errors").ValueKind, Is.EqualTo(JsonValueKind.Object));
    }

    [Test]
    public async Task Irr_SeededPortfolio_ReturnsAnnualisedRateOverTwelveValuations()
    {
        var irr = await _host.GetJsonAsync("/api/portfolios/5/irr");

        Assert.That(irr.GetProperty("valuations").GetInt32(), Is.EqualTo(12));
        Assert.That(irr.GetProperty("irr").GetDouble(), Is.InRange(-0.99, 10));
        Assert.That(irr.GetProperty("gain").GetDecimal(),
            Is.EqualTo(irr.GetProperty("endValue").GetDecimal() - irr.GetProperty("netContributions").GetDecimal()));
    }

    [Test]
    public async Task BulkAndPortfolios_SeededGroup_ReturnClientsWithPortfolios()
    {
        var bulk = await _host.GetJsonAsync("/api/client-groups/2/bulk");
        var portfolios = await _host.GetJsonAsync("/api/clients/11/portfolios");

        Assert.That(bulk.GetProperty("clients").GetArrayLength(), Is.EqualTo(10));
        Assert.That(bulk.GetProperty("clients")[0].GetProperty("portfolios").GetArrayLength(), Is.EqualTo(2));
        Assert.That(portfolios.GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public async Task ReportSummary_SeededData_CountsMatchGenerator()
    {
        var summary = await _host.GetJsonAsync("/api/reports/summary");

        Assert.That(summary.GetProperty("clients").GetInt64(), Is.GreaterThanOrEqualTo(200));
        Assert.That(summary.GetProperty("holdings").GetInt64(), Is.EqualTo(2000));
        Assert.That(summary.GetProperty("topGroups").GetArrayLength(), Is.EqualTo(5));
    }

    [Test]
    public async Task AdminFlow_LoginCreateGrant_IsAuditedAndRequiresToken()
    {
        var (unauthorised, _) = await _host.SendAsync(HttpMethod.Post, "/api/admin/users", new { username = "x", password = "password1" });
        var (loginStatus, login) = await _host.SendAsync(HttpMethod.Post, "/api/auth/login", new { username = "admin", password = "perf-admin" });
        var token = login.GetProperty("token").GetString();
        var (created, user) = await _host.SendAsync(HttpMethod.Post, "/api/admin/users", new { username = "e2e-user", password = "password1" }, token);
        var id = user.GetProperty("id").GetInt64();
        var (granted, grants) = await _host.SendAsync(HttpMethod.Post, $"/api/admin/users/{id}/permissions", new { permissions = GrantedPermissions }, token);
        var audit = await _host.GetJsonAsync("/api/audit?limit=20");

        Assert.That(unauthorised, Is.EqualTo(401));
        Assert.That(loginStatus, Is.EqualTo(200));
        Assert.That(created, Is.EqualTo(201));
        Assert.That(granted, Is.EqualTo(200));
        Assert.That(grants.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()), Is.EquivalentTo(GrantedPermissions));
        Assert.That(audit.EnumerateArray().Any(a => a.GetProperty("action").GetString() == "grant" && a.GetProperty("entityId").GetInt64() == id), Is.True);
    }

    [Test]
    public async Task Metrics_AfterApiCalls_CountsRequestsPerRouteTemplate()
    {
        await _host.GetJsonAsync("/api/clients/19");

        var metrics = await _host.MetricsAsync();

        var byEndpoint = metrics.GetProperty("requests").GetProperty("byEndpoint");
        Assert.That(byEndpoint.GetProperty("GET /api/clients/{id}").GetProperty("count").GetInt64(), Is.GreaterThanOrEqualTo(1));
        Assert.That(metrics.GetProperty("database").GetProperty("connectionsOpened").GetInt64(), Is.GreaterThan(0));
    }
}
