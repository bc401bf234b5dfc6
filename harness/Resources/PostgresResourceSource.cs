using Npgsql;
using PerfTests.Resources;

namespace PerfTests.Resources;

/// <summary>
/// PostgreSQL as the server sees it, for the database of the connection string: connections from
/// pg_stat_activity, transactions and buffer cache hit ratio from pg_stat_database, lock waits from
/// pg_locks, and the slowest statement's mean time from pg_stat_statements when that extension is
/// installed. The sampler's own connection (application name <c>perftests-sampler</c>) is not counted.
/// </summary>
/// <remarks>
/// Metrics (prefix <see cref="Name"/>, default <c>pg</c>): <c>connections</c>, <c>connections_active</c>,
/// <c>connections_idle</c>, <c>xact_per_s</c>, <c>cache_hit_ratio</c> (0..1, over the interval; no
/// point when no block was read), <c>locks_waiting</c>, and with pg_stat_statements
/// <c>statement_mean_ms_max</c> and <c>statements_over_100ms</c>.
/// </remarks>
public sealed class PostgresResourceSource : IResourceSource, IAsyncDisposable
{
    private const string SamplerApplication = "perftests-sampler";

    private const string ActivitySql = """
        select count(*), count(*) filter (where state = 'active'), count(*) filter (where state = 'idle')
        from pg_stat_activity where datname = current_database() and application_name <> 'perftests-sampler';
        select xact_commit + xact_rollback, blks_hit, blks_read from pg_stat_database where datname = current_database();
        select count(*) from pg_locks where not granted;
        """;

    private const string StatementsSql = """
        select coalesce(max(mean_exec_time), 0), count(*) filter (where mean_exec_time > 100)
        from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database());
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;
    private readonly CounterDelta _counters = new();
    private long _lastTimestamp;
    private bool? _hasStatements;

    /// <summary>Samples the database named in <paramref name="connectionString"/> over one dedicated connection.</summary>
    public PostgresResourceSource(string connectionString, string name = "pg", TimeProvider? timeProvider = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = SamplerApplication, MaxPoolSize = 1 };
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        _time = timeProvider ?? TimeProvider.System;
        _lastTimestamp = _time.GetTimestamp();
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyDictionary<string, double>> SampleAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            await ReadActivityAsync(connection, values, cancellationToken).ConfigureAwait(false);
            _hasStatements ??= await HasStatementsExtensionAsync(connection, cancellationToken).ConfigureAwait(false);
            if (_hasStatements == true)
            {
                await ReadStatementsAsync(connection, values, cancellationToken).ConfigureAwait(false);
            }

            return values;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task ReadActivityAsync(NpgsqlConnection connection, Dictionary<string, double> values, CancellationToken cancellationToken)
    {
        var now = _time.GetTimestamp();
        var seconds = _time.GetElapsedTime(_lastTimestamp, now).TotalSeconds;
        _lastTimestamp = now;
        await using var command = new NpgsqlCommand(ActivitySql, connection);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            values["connections"] = reader.GetInt64(0);
            values["connections_active"] = reader.GetInt64(1);
            values["connections_idle"] = reader.GetInt64(2);

            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var transactions = _counters.Next("xact", reader.GetInt64(0));
                var hits = _counters.Next("blks_hit", reader.GetInt64(1));
                var reads = _counters.Next("blks_read", reader.GetInt64(2));
                if (transactions is { } t && seconds > 0)
                {
                    values["xact_per_s"] = t / seconds;
                }

                values["cache_hit_ratio"] = CounterDelta.Ratio(hits, reads);
            }

            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            values["locks_waiting"] = reader.GetInt64(0);
        }
    }

    private static async Task<bool> HasStatementsExtensionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select count(*) from pg_extension where extname = 'pg_stat_statements'", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0L) > 0;
    }

    private static async Task ReadStatementsAsync(NpgsqlConnection connection, Dictionary<string, double> values, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(StatementsSql, connection);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            values["statement_mean_ms_max"] = reader.GetDouble(0);
            values["statements_over_100ms"] = reader.GetInt64(1);
        }
    }
}
