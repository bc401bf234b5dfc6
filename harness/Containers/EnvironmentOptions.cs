using WireMock.Server;

namespace PerfTests.Containers;

/// <summary>
/// What the test environment consists of. Plain settable options, validated all at once by
/// <see cref="Validate"/>; <see cref="FromSettings"/> reads the CI/developer settings.
/// </summary>
public sealed class EnvironmentOptions
{
    /// <summary>Public image used when <c>PERF_POSTGRES_IMAGE</c> is not set (Docker hosts).</summary>
    public const string DefaultPostgresImage = "postgres:16-alpine";

    /// <summary>Public image used when <c>PERF_REDIS_IMAGE</c> is not set (Docker hosts).</summary>
    public const string DefaultRedisImage = "redis:7-alpine";

    /// <summary>Containers (default) or External.</summary>
    public EnvironmentMode Mode { get; set; } = EnvironmentMode.Containers;

    /// <summary>Whether the environment has a PostgreSQL database; default true.</summary>
    public bool Postgres { get; set; } = true;

    /// <summary>Whether the environment has a Redis cache; default true.</summary>
    public bool Redis { get; set; } = true;

    /// <summary>
    /// The mappings of a downstream HTTP service stub (a service the team does not own); null (default):
    /// no stub. Started as a <see cref="Downstream.DownstreamStub"/> on 127.0.0.1 with fault injection.
    /// </summary>
    public Action<WireMockServer>? DownstreamStub { get; set; }

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

    /// <summary>External mode: base URL of the downstream service the stub stands for.</summary>
    public Uri? ExternalDownstreamUrl { get; set; }

    /// <summary>
    /// Reads the container settings through <see cref="PerfSettings"/> (run parameter, else environment
    /// variable, else the machine's settings file <c>~/.perftests.properties</c> that
    /// <c>scripts/setup-containers.sh</c> writes): <c>Environment</c> (containers|external),
    /// <c>PostgresImage</c>, <c>RedisImage</c>, <c>PostgresConnection</c>, <c>RedisConnection</c>,
    /// <c>DownstreamUrl</c>, <c>FaultSeed</c>; variables <c>PERF_ENVIRONMENT</c>, <c>PERF_POSTGRES_IMAGE</c>, ...
    /// Unset ones keep the defaults.
    /// </summary>
    /// <param name="settings">The settings to read; default <see cref="PerfSettings.Current"/>.</param>
    /// <exception cref="PerfSettingsException">A value is malformed; the message names where it came from.</exception>
    public static EnvironmentOptions FromSettings(PerfSettings? settings = null)
    {
        settings ??= PerfSettings.Current;
        var options = new EnvironmentOptions();
        var problems = new List<string>();
        if (settings.Custom("Environment", "PERF_ENVIRONMENT") is { } mode)
        {
            if (Enum.TryParse<EnvironmentMode>(mode, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
                options.Mode = parsed;
            else
                problems.Add($"Environment (PERF_ENVIRONMENT) is '{mode}'; it must be containers or external.");
        }

        options.PostgresImage = settings.Custom("PostgresImage", "PERF_POSTGRES_IMAGE") ?? options.PostgresImage;
        options.RedisImage = settings.Custom("RedisImage", "PERF_REDIS_IMAGE") ?? options.RedisImage;
        options.ExternalPostgresConnectionString = settings.Custom("PostgresConnection", "PERF_POSTGRES_CONNECTION");
        options.ExternalRedisConnectionString = settings.Custom("RedisConnection", "PERF_REDIS_CONNECTION");
        if (settings.Custom("DownstreamUrl", "PERF_DOWNSTREAM_URL") is { } url)
        {
            options.ExternalDownstreamUrl = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;
            if (options.ExternalDownstreamUrl is null) problems.Add($"DownstreamUrl (PERF_DOWNSTREAM_URL) is '{url}'; it must be an absolute URL.");
        }

        if (settings.Custom("FaultSeed", "PERF_FAULT_SEED") is { } seed)
        {
            if (int.TryParse(seed, System.Globalization.CultureInfo.InvariantCulture, out var s)) options.FaultSeed = s;
            else problems.Add($"FaultSeed (PERF_FAULT_SEED) is '{seed}'; it must be an integer.");
        }

        return problems.Count > 0 ? throw new PerfSettingsException(problems) : options;
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
            if (Postgres)
            {
                if (string.IsNullOrWhiteSpace(PostgresImage)) errors.Add("PostgresImage is empty (PERF_POSTGRES_IMAGE).");
                if (string.IsNullOrWhiteSpace(PostgresDatabase)) errors.Add("PostgresDatabase is empty.");
                if (string.IsNullOrWhiteSpace(PostgresUser)) errors.Add("PostgresUser is empty.");
                if (string.IsNullOrEmpty(PostgresPassword)) errors.Add("PostgresPassword is empty.");
            }

            if (Redis && string.IsNullOrWhiteSpace(RedisImage)) errors.Add("RedisImage is empty (PERF_REDIS_IMAGE).");
        }
        else
        {
            if (Postgres && string.IsNullOrWhiteSpace(ExternalPostgresConnectionString))
                errors.Add("External mode needs ExternalPostgresConnectionString (PERF_POSTGRES_CONNECTION).");
            if (Redis && string.IsNullOrWhiteSpace(ExternalRedisConnectionString))
                errors.Add("External mode needs ExternalRedisConnectionString (PERF_REDIS_CONNECTION).");
            if (DownstreamStub is not null && ExternalDownstreamUrl is null)
                errors.Add("External mode needs ExternalDownstreamUrl (PERF_DOWNSTREAM_URL).");
        }

        return errors;
    }
}
