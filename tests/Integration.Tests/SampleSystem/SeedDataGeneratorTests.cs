using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PerfTests.SampleSystem.Data;

namespace Integration.Tests.SampleSystem;

/// <summary>The binary-COPY generator: sizes, determinism and speed (reported, not asserted).</summary>
[TestFixture]
[Category("Integration")]
public sealed class SeedDataGeneratorTests
{
    private SampleSystemHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var name = SampleSystemTestEnvironment.NewIsolationName();
        _host = await SampleSystemHost.StartAsync(name, SampleSystemTestEnvironment.Settings(name), seedClients: 0);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task SeedAsync_TenThousandClients_WritesHundredThousandHoldings()
    {
        var result = await _host.SeedAsync(new SeedOptions { Clients = 10_000 });

        await TestContext.Out.WriteLineAsync($"Seeded {result.Clients} clients, {result.Portfolios} portfolios, {result.Holdings} holdings, {result.Valuations} valuations in {result.Elapsed.TotalSeconds:0.00} s");
        Assert.That(await CountAsync("clients"), Is.EqualTo(10_000));
        Assert.That(await CountAsync("client_groups"), Is.EqualTo(1_000));
        Assert.That(await CountAsync("portfolios"), Is.EqualTo(20_000));
        Assert.That(await CountAsync("holdings"), Is.EqualTo(100_000));
        Assert.That(await CountAsync("valuations"), Is.EqualTo(240_000));
        Assert.That(result.Holdings, Is.EqualTo(100_000));
    }

    [Test]
    public async Task SeedAsync_SameSeedTwice_ProducesIdenticalRows()
    {
        const string Fingerprint = "SELECT md5(string_agg(symbol || units::text || cost_basis::text, ',' ORDER BY id)) FROM holdings";
        await _host.SeedAsync(new SeedOptions { Clients = 300, Seed = 11 });
        var first = await ScalarAsync<string>(Fingerprint);
        await _host.SeedAsync(new SeedOptions { Clients = 300, Seed = 12 });
        var other = await ScalarAsync<string>(Fingerprint);
        await _host.SeedAsync(new SeedOptions { Clients = 300, Seed = 11 });
        var again = await ScalarAsync<string>(Fingerprint);

        Assert.That(again, Is.EqualTo(first));
        Assert.That(other, Is.Not.EqualTo(first));
    }

    [Test]
    public async Task SeedAsync_AfterSeeding_NewClientGetsNextId()
    {
        await _host.SeedAsync(new SeedOptions { Clients = 50 });

        var (status, body) = await _host.SendAsync(HttpMethod.Post, "/api/clients", new { groupId = 1, firstName = "New", lastName = "Client", email = "new@example.test", riskProfile = "balanced" });

        Assert.That(status, Is.EqualTo(201));
        Assert.That(body.GetProperty("id").GetInt64(), Is.EqualTo(51));
    }

    private Task<long> CountAsync(string table) => ScalarAsync<long>($"SELECT count(*) FROM {table}");

    private async Task<T> ScalarAsync<T>(string sql)
    {
        var dataSource = _host.Services.GetRequiredService<NpgsqlDataSource>();
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
