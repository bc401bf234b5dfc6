using Npgsql;
using StackExchange.Redis;

namespace Integration.Tests.Containers;

[Category("Integration")]
public sealed class ContainerServicesTests
{
    [Test]
    public async Task Postgres_Query_AnswersAsConfiguredUserAndDatabase()
    {
        await using var connection = new NpgsqlConnection(EnvironmentSetUp.Current.PostgresConnectionString);
        await connection.OpenAsync();
        await using var identity = new NpgsqlCommand("select current_user, current_database(), current_setting('server_version_num')::int", connection);
        await using var reader = await identity.ExecuteReaderAsync();
        Assert.That(await reader.ReadAsync(), Is.True);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reader.GetString(0), Is.EqualTo("perf"));
            Assert.That(reader.GetString(1), Is.EqualTo("perf"));
            Assert.That(reader.GetInt32(2), Is.GreaterThanOrEqualTo(150000));
        }
    }

    [Test]
    public async Task Postgres_WriteThenRead_RoundTripsRows()
    {
        await using var connection = new NpgsqlConnection(EnvironmentSetUp.Current.PostgresConnectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand(
            "create temp table quotes(symbol text, price numeric); insert into quotes values ('ACME', 12.5), ('INIT', 7.25)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using var sum = new NpgsqlCommand("select sum(price) from quotes", connection);
        Assert.That(await sum.ExecuteScalarAsync(), Is.EqualTo(19.75m));
    }

    [Test]
    public async Task Redis_PingSetGet_AnswersAndStoresValues()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(EnvironmentSetUp.Current.RedisConnectionString);
        var db = redis.GetDatabase();
        var key = "perf:" + Guid.NewGuid().ToString("N");

        var ping = await db.PingAsync();
        await db.StringSetAsync(key, "42", TimeSpan.FromMinutes(1));
        var value = await db.StringGetAsync(key);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ping, Is.LessThan(TimeSpan.FromSeconds(5)));
            Assert.That(value.ToString(), Is.EqualTo("42"));
        }
    }

    [Test]
    public void ConnectionStrings_PointAtLoopback()
    {
        var env = EnvironmentSetUp.Current;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(new NpgsqlConnectionStringBuilder(env.PostgresConnectionString).Host, Is.EqualTo("127.0.0.1").Or.EqualTo("localhost"));
            Assert.That(env.RedisConnectionString, Does.StartWith("127.0.0.1:").Or.StartWith("localhost:"));
            Assert.That(env.DownstreamBaseUrl.Host, Is.EqualTo("127.0.0.1"));
        }
    }
}
