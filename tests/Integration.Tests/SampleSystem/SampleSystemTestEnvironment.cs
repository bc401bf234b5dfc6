using Npgsql;

namespace Integration.Tests.SampleSystem;

/// <summary>
/// The ONE place these tests learn where their dependencies are: the containers and WireMock
/// service started by <see cref="SampleSystemSetUp"/>. Each fixture isolates itself in its own
/// schema and cache-key prefix.
/// </summary>
internal static class SampleSystemTestEnvironment
{
    public static string Postgres => SampleSystemSetUp.Current.PostgresConnectionString;

    public static string Redis => SampleSystemSetUp.Current.RedisConnectionString;

    public static string PricesUrl => SampleSystemSetUp.Current.DownstreamBaseUrl.ToString().TrimEnd('/');

    /// <summary>A connection string confined to <paramref name="schema"/>, so fixtures do not see each other's rows.</summary>
    public static string PostgresInSchema(string schema) =>
        new NpgsqlConnectionStringBuilder(Postgres) { SearchPath = schema }.ConnectionString;

    /// <summary>Settings for the sample system with isolated schema and cache prefix, plus overrides.</summary>
    public static Dictionary<string, string?> Settings(string isolationName, string? redis = null, string? pricesUrl = null, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ConnectionStrings:Postgres"] = PostgresInSchema(isolationName),
            ["ConnectionStrings:Redis"] = redis ?? Redis,
            ["SampleSystem:MarketPricesBaseUrl"] = pricesUrl ?? PricesUrl,
            ["SampleSystem:CacheKeyPrefix"] = isolationName + ":",
            // Retries and breaker transitions are expected in the fault tests; keep the output readable.
            ["Logging:LogLevel:Polly"] = "Error",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A fresh schema/prefix name per fixture.</summary>
    public static string NewIsolationName() => "perf_" + Guid.NewGuid().ToString("N")[..12];

    public static async Task DropSchemaAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(Postgres);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
