using Npgsql;

namespace Integration.Tests.SampleSystem;

/// <summary>
/// The ONE place these tests learn where their dependencies are: PERF_TEST_PG (Npgsql connection
/// string), PERF_TEST_REDIS (StackExchange.Redis configuration) and PERF_TEST_PRICES_URL (market
/// prices base URL). Missing variables fail the tests with a message; they never skip silently.
/// </summary>
internal static class SampleSystemTestEnvironment
{
    public const string PostgresVariable = "PERF_TEST_PG";
    public const string RedisVariable = "PERF_TEST_REDIS";
    public const string PricesVariable = "PERF_TEST_PRICES_URL";

    public static string Postgres => Require(PostgresVariable, "Host=127.0.0.1;Port=5432;Username=postgres;Password=...;Database=...");

    public static string Redis => Require(RedisVariable, "127.0.0.1:6379");

    public static string PricesUrl => Require(PricesVariable, "http://127.0.0.1:8080 (answers GET /prices/{symbol})");

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

    private static string Require(string variable, string example) =>
        System.Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Environment variable {variable} is not set. The sample-system integration tests need it, e.g. {variable}=\"{example}\". " +
                "See fixtures/SampleSystem/README.md for starting the dependencies.");
}
