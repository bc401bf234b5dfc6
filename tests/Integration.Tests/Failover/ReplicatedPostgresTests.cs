using Npgsql;
using PerfTests.Failover.Postgres;

namespace Integration.Tests.Failover;

/// <summary>The primary + standby pair really replicates, really dies and really promotes.</summary>
[TestFixture]
[Category("Integration")]
public sealed class ReplicatedPostgresTests
{
    [Test]
    [CancelAfter(180_000)]
    public async Task KillAndPromote_AsyncPair_StandbyHasReplicatedRowsAndAcceptsWrites(CancellationToken ct)
    {
        await using var pair = await ReplicatedPostgres.StartAsync(ReplicatedPostgresOptions.FromSettings(ReplicationMode.Async), ct);
        await ExecuteAsync(pair.PrimaryConnectionString, "CREATE TABLE drill (id int PRIMARY KEY); INSERT INTO drill SELECT generate_series(1, 100)", ct);
        await WaitForAsync(pair.StandbyConnectionString, "SELECT count(*) FROM drill", 100, ct);

        await pair.KillPrimaryAsync(ct);
        await pair.PromoteStandbyAsync(ct);

        await ExecuteAsync(pair.StandbyConnectionString, "INSERT INTO drill VALUES (101)", ct);
        Assert.That(await ScalarAsync(pair.StandbyConnectionString, "SELECT count(*) FROM drill", ct), Is.EqualTo(101));
        Assert.That(async () => await ScalarAsync(pair.PrimaryConnectionString, "SELECT 1", ct), Throws.InstanceOf<Exception>(), "the killed primary must not answer");
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task StopStandbyReceiving_AsyncPairThenKill_CommittedRowsAreLostAfterPromotion(CancellationToken ct)
    {
        await using var pair = await ReplicatedPostgres.StartAsync(ReplicatedPostgresOptions.FromSettings(ReplicationMode.Async), ct);
        await ExecuteAsync(pair.PrimaryConnectionString, "CREATE TABLE drill (id int PRIMARY KEY); INSERT INTO drill SELECT generate_series(1, 10)", ct);
        await WaitForAsync(pair.StandbyConnectionString, "SELECT count(*) FROM drill", 10, ct);

        await pair.StopStandbyReceivingAsync(ct);
        await ExecuteAsync(pair.PrimaryConnectionString, "INSERT INTO drill SELECT generate_series(11, 20)", ct);
        await pair.KillPrimaryAsync(ct);
        await pair.PromoteStandbyAsync(ct);

        Assert.That(await ScalarAsync(pair.StandbyConnectionString, "SELECT count(*) FROM drill", ct), Is.EqualTo(10), "rows committed after the cut-off existed only on the killed primary");
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task FailoverConnectionString_AfterPromotion_ConnectsToTheNewPrimary(CancellationToken ct)
    {
        await using var pair = await ReplicatedPostgres.StartAsync(ReplicatedPostgresOptions.FromSettings(ReplicationMode.Sync), ct);
        var failover = pair.FailoverConnectionString(hostRecheckSeconds: 1);
        await ExecuteAsync(failover, "CREATE TABLE drill (id int PRIMARY KEY); INSERT INTO drill VALUES (1)", ct);
        Assert.That(await ScalarAsync(pair.StandbyConnectionString, "SELECT count(*) FROM drill", ct), Is.EqualTo(1), "sync commit returns only once the standby has it");

        await pair.KillPrimaryAsync(ct);
        await pair.PromoteStandbyAsync(ct);
        NpgsqlConnection.ClearAllPools();

        await ExecuteAsync(failover, "INSERT INTO drill VALUES (2)", ct);
        Assert.That(await ScalarAsync(pair.StandbyConnectionString, "SELECT count(*) FROM drill", ct), Is.EqualTo(2));
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task WaitForAsync(string connectionString, string sql, long expected, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                if (await ScalarAsync(connectionString, sql, ct) == expected)
                {
                    return;
                }
            }
            catch (PostgresException e) when (e.SqlState == "42P01")
            {
                // The table's creation has not been replayed yet.
            }

            await Task.Delay(100, ct);
        }

        Assert.Fail($"'{sql}' never reached {expected} on the standby");
    }
}
