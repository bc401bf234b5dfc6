using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Networks;
using Npgsql;
using PerfTests.Resources;
using Testcontainers.PostgreSql;

namespace PerfTests.Failover.Postgres;

/// <summary>
/// A PostgreSQL primary and a streaming-replication hot standby in two containers on their own
/// container network (the standby reaches the primary by the alias <c>pg-primary</c>). Both publish
/// 5432 on loopback. The drill crashes the primary (<see cref="KillPrimaryAsync"/>), may cut the
/// standby off its WAL stream (<see cref="StopStandbyReceivingAsync"/>) and promotes the standby.
/// Testcontainers' module runs PostgreSQL with <c>fsync=off</c>: harmless here, because the drill
/// kills processes, not the machine, so the OS page cache keeps every write the server made.
/// </summary>
public sealed class ReplicatedPostgres : IAsyncDisposable
{
    private readonly INetwork _network;
    private readonly PostgreSqlContainer _primary;
    private readonly IContainer _standby;
    private readonly ReplicatedPostgresOptions _options;
    private string? _savedPrimaryConnInfo;

    private ReplicatedPostgres(INetwork network, PostgreSqlContainer primary, IContainer standby, ReplicatedPostgresOptions options)
    {
        _network = network;
        _primary = primary;
        _standby = standby;
        _options = options;
    }

    /// <summary>Async or sync replication.</summary>
    public ReplicationMode Mode => _options.Mode;

    /// <summary>Npgsql connection string of the primary only (127.0.0.1:published port).</summary>
    public string PrimaryConnectionString => Single(_primary.Hostname, _primary.GetMappedPublicPort(5432));

    /// <summary>Npgsql connection string of the standby only.</summary>
    public string StandbyConnectionString => Single(_standby.Hostname, _standby.GetMappedPublicPort(5432));

    /// <summary>
    /// Both hosts with <c>Target Session Attributes=read-write</c>: Npgsql connects to whichever is
    /// the writable primary, so a client using it follows a promotion. Host states are re-checked
    /// every <paramref name="hostRecheckSeconds"/> seconds (Npgsql's default is 10).
    /// </summary>
    public string FailoverConnectionString(int hostRecheckSeconds = 2) => new NpgsqlConnectionStringBuilder
    {
        Host = $"{_primary.Hostname}:{_primary.GetMappedPublicPort(5432)},{_standby.Hostname}:{_standby.GetMappedPublicPort(5432)}",
        Database = _options.Database,
        Username = _options.User,
        Password = _options.Password,
        TargetSessionAttributes = "read-write",
        HostRecheckSeconds = hostRecheckSeconds,
    }.ConnectionString;

    /// <summary>Starts the network, the primary, then the standby (which clones the primary); removes everything on failure.</summary>
    public static async Task<ReplicatedPostgres> StartAsync(ReplicatedPostgresOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.StartTimeout);
        var network = new NetworkBuilder().WithName("perftests-failover-" + Guid.NewGuid().ToString("N")[..12]).Build();
        var primary = BuildPrimary(options, network);
        var standby = BuildStandby(options, network);
        var pair = new ReplicatedPostgres(network, primary, standby, options);
        try
        {
            await network.CreateAsync(timeout.Token).ConfigureAwait(false);
            await primary.StartAsync(timeout.Token).ConfigureAwait(false);
            await standby.StartAsync(timeout.Token).ConfigureAwait(false);
            await pair.WaitForStreamingAsync(timeout.Token).ConfigureAwait(false);
            return pair;
        }
        catch
        {
            await pair.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Crashes the primary: SIGKILL to the container, no shutdown checkpoint, no WAL shipped.</summary>
    public async Task KillPrimaryAsync(CancellationToken cancellationToken = default)
    {
        using var killer = new ContainerKiller(_options.DockerEndpoint);
        await killer.KillAsync(_primary.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Cuts the standby off from the primary's WAL: <c>primary_conninfo</c> is cleared and reloaded,
    /// so the WAL receiver exits and the standby replays nothing newer. With async replication the
    /// primary keeps acknowledging commits; with sync replication its commits wait for a standby.
    /// (Freezing the standby with a container pause was tried first and lost nothing: the kernel
    /// kept accepting WAL into the paused receiver's socket buffer, which it read after unpausing.)
    /// </summary>
    public async Task StopStandbyReceivingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(StandbyConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var show = new NpgsqlCommand("SHOW primary_conninfo", connection))
        {
            _savedPrimaryConnInfo ??= (string?)await show.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var clear = new NpgsqlCommand("ALTER SYSTEM SET primary_conninfo = ''; SELECT pg_reload_conf();", connection);
        await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await WaitForReceiverAsync(connection, running: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Restores the standby's <c>primary_conninfo</c> (undoes <see cref="StopStandbyReceivingAsync"/>).</summary>
    public async Task ResumeStandbyReceivingAsync(CancellationToken cancellationToken = default)
    {
        if (_savedPrimaryConnInfo is null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(StandbyConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var restore = new NpgsqlCommand("ALTER SYSTEM RESET primary_conninfo; SELECT pg_reload_conf();", connection);
        await restore.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Promotes the standby to primary (<c>pg_promote</c>, waiting up to 60 s for it to finish).</summary>
    public async Task PromoteStandbyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(StandbyConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var promote = new NpgsqlCommand("SELECT pg_promote(true, 60)", connection);
        if (await promote.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
        {
            throw new InvalidOperationException("pg_promote returned false: the standby was not promoted within 60 s.");
        }
    }

    /// <summary>Removes both containers and the network; safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        await _standby.DisposeAsync().ConfigureAwait(false);
        await _primary.DisposeAsync().ConfigureAwait(false);
        await _network.DisposeAsync().ConfigureAwait(false);
    }

    private static PostgreSqlContainer BuildPrimary(ReplicatedPostgresOptions options, INetwork network)
    {
        var builder = new PostgreSqlBuilder(options.Image)
            .WithDatabase(options.Database)
            .WithUsername(options.User)
            .WithPassword(options.Password)
            .WithNetwork(network)
            .WithNetworkAliases(StandbyScripts.PrimaryAlias)
            .WithCommand("-c", "wal_level=replica", "-c", "max_wal_senders=5", "-c", "hot_standby=on");
        if (options.Mode == ReplicationMode.Sync)
        {
            builder = builder.WithCommand("-c", "synchronous_standby_names=*", "-c", "synchronous_commit=on");
        }

        foreach (var (key, value) in options.Labels)
        {
            builder = builder.WithLabel(key, value);
        }

        return builder.WithLabel("perftests.role", "postgres-primary").WithLabel(RunOwner.Labels)
            .WithEnvironment(RunOwner.Variable, RunOwner.AsVariable()).Build();
    }

    private static IContainer BuildStandby(ReplicatedPostgresOptions options, INetwork network)
    {
        var builder = new ContainerBuilder(options.Image)
            .WithNetwork(network)
            .WithPortBinding(5432, assignRandomHostPort: true)
            .WithEnvironment("POSTGRES_USER", options.User)
            .WithEnvironment("POSTGRES_PASSWORD", options.Password)
            .WithEntrypoint("sh", "-c", StandbyScripts.CloneAndStart(options.User))
            .WithWaitStrategy(Wait.ForUnixContainer().UntilCommandIsCompleted("pg_isready", "-q", "-h", "127.0.0.1", "-p", "5432"));
        foreach (var (key, value) in options.Labels)
        {
            builder = builder.WithLabel(key, value);
        }

        return builder.WithLabel("perftests.role", "postgres-standby").WithLabel(RunOwner.Labels)
            .WithEnvironment(RunOwner.Variable, RunOwner.AsVariable()).Build();
    }

    // The standby reports ready before its WAL receiver connects; sync commits would block until it does.
    // A dropped connection is retried, not fatal: on a loaded machine the primary's first sessions
    // have been seen to drop while the standby's base backup ran. The caller's start timeout bounds it.
    private async Task WaitForStreamingAsync(CancellationToken cancellationToken)
    {
        Exception? last = null;
        while (true)
        {
            try
            {
                if (await IsStreamingAsync(cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (Exception e) when (e is NpgsqlException or IOException && !cancellationToken.IsCancellationRequested)
            {
                last = e;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (last is not null)
            {
                throw new TimeoutException($"The standby never streamed from the primary; last error: {last.Message}", last);
            }
        }
    }

    private async Task<bool> IsStreamingAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(PrimaryConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var query = new NpgsqlCommand("SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'", connection);
        return (long)(await query.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! > 0;
    }

    // The receiver exits asynchronously after the reload; the drill's "standby cut off" must be true when recorded.
    private static async Task WaitForReceiverAsync(NpgsqlConnection connection, bool running, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await using var query = new NpgsqlCommand("SELECT count(*) FROM pg_stat_wal_receiver", connection);
            if (((long)(await query.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! > 0) == running)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"The standby's WAL receiver did not {(running ? "start" : "stop")} within 10 s.");
    }

    private string Single(string host, ushort port) => new NpgsqlConnectionStringBuilder
    {
        Host = host,
        Port = port,
        Database = _options.Database,
        Username = _options.User,
        Password = _options.Password,
    }.ConnectionString;
}
