using Npgsql;

namespace PerfTests.Failover.Postgres;

/// <summary>Reads back which of the drill's unique keys exist in a table column, in one query.</summary>
public static class AcknowledgedKeyReader
{
    /// <summary>
    /// The subset of <paramref name="keys"/> present in <paramref name="table"/>.<paramref name="column"/>.
    /// Table and column are identifiers from the test code, quoted here, never user input.
    /// </summary>
    public static async Task<IReadOnlySet<string>> ExistingAsync(
        string connectionString, string table, string column, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var sql = $"SELECT {Quote(column)} FROM {Quote(table)} WHERE {Quote(column)} = ANY(@keys)";
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("keys", keys.ToArray());
        var found = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
