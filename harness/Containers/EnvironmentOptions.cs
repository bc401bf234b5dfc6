namespace PerfTests.Containers;

/// <summary>
/// What the test environment consists of. Plain settable options, validated all at once by
/// <see cref="Validate"/>; <see cref="FromEnvironmentVariables"/> reads the CI/developer settings.
/// </summary>
public sealed class EnvironmentOptions
{
    /// <summary>Public image used when <c>PERF_POSTGRES_IMAGE</c> is not set (Docker hosts).</summary>
    public const string DefaultPostgresImage = "postgres:16-alpine";

    /// <summary>Public image used when <c>PERF_REDIS_IMAGE</c> is not set (Docker hosts).</summary>
    public const string DefaultRedisImage = "redis:7-alpine";

    /// <summary>Containers (default) or External.</summary>
    public EnvironmentMode Mode { get; set; } = EnvironmentMode.Containers;

    /// <summary>PostgreSQL image; default <see cref="DefaultPostgresImage"/>.</summary>
    public string PostgresImage { get; set; } = DefaultPostgresImage;

    /// <summary>Redis image; default <see cref="DefaultRedisImage"/>.</summary>
    public string RedisImage { get; set; } = DefaultRedisImage;

    /// <summary>Database created in the container; default "perf".</summary>
    public string PostgresDatabase { get; set; } = "perf";

    /// <summary>Database user; default "perf".</summary>
    public string PostgresUser { get; set; } = "perf";

    /// <summary>Database password; default "perf" (throwaway container, loopback only).</summary>
    public string PostgresPassword { get; set; } = "perf";

    /// <summary>Upper bound for starting everything; default 2 minutes.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Seed of the fault injector's random draws (error ratios, latency samples); default 42.</summary>
    public int FaultSeed { get; set; } = 42;

    /// <summary>Clock for the fault timeline and injected delays; default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>External mode: PostgreSQL connection string (Npgsql format).</summary>
    public string? ExternalPostgresConnectionString { get; set; }

    /// <summary>External mode: Redis connection string (StackExchange.Redis format, e.g. "host:6379").</summary>
    public string? ExternalRedisConnectionString { get; set; }

    /// <summary>External mode: base URL of the downstream market-prices service.</summary>
    public Uri? ExternalDownstreamUrl { get; set; }

    /// <summary>
    /// Reads <c>PERF_ENVIRONMENT</c> (containers|external), <c>PERF_POSTGRES_IMAGE</c>, <c>PERF_REDIS_IMAGE</c>,
    /// <c>PERF_POSTGRES_CONNECTION</c>, <c>PERF_REDIS_CONNECTION</c>, <c>PERF_DOWNSTREAM_URL</c>
    /// and <c>PERF_FAULT_SEED</c>; unset variables keep the defaults.
    /// </summary>
    public static EnvironmentOptions FromEnvironmentVariables() =>
        FromVariables(name => System.Environment.GetEnvironmentVariable(name));

    internal static EnvironmentOptions FromVariables(Func<string, string?> read)
    {
        var options = new EnvironmentOptions();
        string? Get(string name) => string.IsNullOrWhiteSpace(read(name)) ? null : read(name)!.Trim();

        if (Get("PERF_ENVIRONMENT") is { } mode)
        {
            options.Mode = Enum.TryParse<EnvironmentMode>(mode, ignoreCase: true, out var parsed)
                ? parsed
                : throw new ArgumentException($"PERF_ENVIRONMENT='{mode}' is not one of: containers, external.");
        }

        options.PostgresImage = Get("PERF_POSTGRES_IMAGE") ?? options.PostgresImage;
        options.RedisImage = Get("PERF_REDIS_IMAGE") ?? options.RedisImage;
        options.ExternalPostgresConnectionString = Get("PERF_POSTGRES_CONNECTION");
        options.ExternalRedisConnectionString = Get("PERF_REDIS_CONNECTION");
        options.ExternalDownstreamUrl = ParseUri(Get("PERF_DOWNSTREAM_URL"), "PERF_DOWNSTREAM_URL");
        if (Get("PERF_FAULT_SEED") is { } seed)
        {
            options.FaultSeed = int.TryParse(seed, System.Globalization.CultureInfo.InvariantCulture, out var s)
                ? s
                : throw new ArgumentException($"PERF_FAULT_SEED='{seed}' is not an integer.");
        }

        return options;
    }

    /// <summary>Every problem at once; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (StartTimeout <= TimeSpan.Zero)
        {
            errors.Add($"StartTimeout must be positive (was {StartTimeout}).");
        }

        if (Mode == EnvironmentMode.Containers)
        {
            if (string.IsNullOrWhiteSpace(PostgresImage)) errors.Add("PostgresImage is empty (PERF_POSTGRES_IMAGE).");
            if (string.IsNullOrWhiteSpace(RedisImage)) errors.Add("RedisImage is empty (PERF_REDIS_IMAGE).");
            if (string.IsNullOrWhiteSpace(PostgresDatabase)) errors.Add("PostgresDatabase is empty.");
            if (string.IsNullOrWhiteSpace(PostgresUser)) errors.Add("PostgresUser is empty.");
            if (string.IsNullOrEmpty(PostgresPassword)) errors.Add("PostgresPassword is empty.");
        }
        else
        {
            if (string.IsNullOrWhiteSpace(ExternalPostgresConnectionString))
                errors.Add("External mode needs ExternalPostgresConnectionString (PERF_POSTGRES_CONNECTION).");
            if (string.IsNullOrWhiteSpace(ExternalRedisConnectionString))
                errors.Add("External mode needs ExternalRedisConnectionString (PERF_REDIS_CONNECTION).");
            if (ExternalDownstreamUrl is null)
                errors.Add("External mode needs ExternalDownstreamUrl (PERF_DOWNSTREAM_URL).");
        }

        return errors;
    }

    private static Uri? ParseUri(string? value, string name) =>
        value is null ? null
        : Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri
        : throw new ArgumentException($"{name}='{value}' is not an absolute URL.");
}
