using System.Globalization;
using PerfTests.Containers;
using PerfTests.Containers.Faults;
using PerfTests.Hosting;
using PerfTests.Resources;

namespace PerfTests.Suites.Infrastructure;

/// <summary>
/// Everything a suite runs against: PostgreSQL and Redis containers, the WireMock market-prices
/// service, and the sample portal on real Kestrel (127.0.0.1) seeded with 10,000 clients.
/// With a TargetUrl (runsettings) or PERF_TARGET_URL, nothing is started: the pipeline loads that system.
/// </summary>
internal sealed class PortalEnvironment : IAsyncDisposable
{
    /// <summary>Clients seeded on start (ids 1..SeededClients); portfolios are 2 per client.</summary>
    public const int SeededClients = 10_000;

    private PortalEnvironment(PerfEnvironment? dependencies, ISystemUnderTest system)
    {
        Dependencies = dependencies;
        System = system;
    }

    /// <summary>Containers and the downstream stub; null against an external target.</summary>
    public PerfEnvironment? Dependencies { get; }

    /// <summary>The running system under test (the test's target).</summary>
    public ISystemUnderTest System { get; }

    /// <summary>Base address of the system under test (loopback unless external).</summary>
    public Uri BaseAddress => System.BaseAddress;

    /// <summary>Fault injection on the downstream service; throws against an external target.</summary>
    public FaultInjector Faults => Dependencies?.Faults
        ?? throw new InvalidOperationException("Fault injection needs the suite's own environment; it is not available against an external TargetUrl.");

    /// <summary>
    /// Fresh resource sources for one run (the pipeline disposes them): the portal's /metrics (pool usage,
    /// cache hit ratio) and, when the environment owns them, PostgreSQL and Redis.
    /// </summary>
    public IResourceSource[] ResourceSources() => Dependencies is { } dependencies
        ? [new PortalMetricsSource(BaseAddress), new PostgresResourceSource(dependencies.PostgresConnectionString), new RedisResourceSource(dependencies.RedisConnectionString)]
        : [new PortalMetricsSource(BaseAddress)];

    /// <summary>Starts the environment; on any failure everything already started is removed.</summary>
    /// <param name="settings">The run's settings: a TargetUrl means nothing is started.</param>
    /// <param name="overrides">Sample-system settings (e.g. defect switches) layered over the defaults.</param>
    /// <param name="cancellationToken">Cancels the start; whatever already started is removed.</param>
    public static async Task<PortalEnvironment> StartAsync(
        PerfSettings settings, IReadOnlyDictionary<string, string?>? overrides = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.TargetUrl is { } external)
        {
            return new PortalEnvironment(null, new ExternalSystemUnderTest(external));
        }

        var dependencies = await PerfEnvironment.StartAsync(PortalDependencies.Options(), cancellationToken).ConfigureAwait(false);
        try
        {
            var configuration = SettingsFor(dependencies);
            configuration["SampleSystem:Database:SeedClientsOnStartup"] = SeededClients.ToString(CultureInfo.InvariantCulture);
            foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            {
                configuration[key] = value;
            }

            return new PortalEnvironment(dependencies, await StartPortalAsync(configuration, TimeSpan.FromSeconds(90), cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            await dependencies.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Starts a second portal in-process against the same dependencies (the side-by-side candidate, a
    /// defect portal): it never seeds (the database is already seeded and seeding truncates it) and
    /// caches under its own Redis prefix, so each instance warms its own cache like a separate deployment.
    /// </summary>
    /// <param name="dependencies">The running environment's containers and downstream stub.</param>
    /// <param name="cachePrefix">Redis key prefix of this instance, e.g. "sut-b:".</param>
    /// <param name="overrides">Instance-only settings (e.g. "SampleSystem:ExtraLatencyUs"); seeding cannot be switched on.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static Task<ISystemUnderTest> StartSecondInstanceAsync(
        PerfEnvironment dependencies, string cachePrefix, IReadOnlyDictionary<string, string?> overrides, CancellationToken cancellationToken = default)
    {
        // Settings first: a refused override (seeding) fails before anything starts.
        var settings = SecondInstanceSettings(dependencies, cachePrefix, overrides);
        return StartPortalAsync(settings, TimeSpan.FromSeconds(60), cancellationToken);
    }

    /// <summary>
    /// Settings of an instance next to the suite's own: same dependencies, never seeds (the database
    /// is seeded already), caches under <paramref name="cachePrefix"/>, then <paramref name="overrides"/>.
    /// </summary>
    public static Dictionary<string, string?> SecondInstanceSettings(
        PerfEnvironment dependencies, string cachePrefix, IReadOnlyDictionary<string, string?> overrides)
    {
        ArgumentNullException.ThrowIfNull(dependencies);
        ArgumentNullException.ThrowIfNull(overrides);
        var settings = SettingsFor(dependencies);
        settings["SampleSystem:Database:SeedClientsOnStartup"] = "0";
        settings["SampleSystem:CacheKeyPrefix"] = cachePrefix;
        foreach (var (key, value) in overrides)
        {
            if (string.Equals(key, "SampleSystem:Database:SeedClientsOnStartup", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("SampleSystem:Database:SeedClientsOnStartup cannot be set for a second instance: it shares the suite's already seeded database.");
            }

            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The portal in-process, ready once /health answers 2xx (seeding happens before it does).</summary>
    public static Task<ISystemUnderTest> StartPortalAsync(IReadOnlyDictionary<string, string?> configuration, TimeSpan timeout, CancellationToken cancellationToken) =>
        InProcessApp.StartAsync<Program>(configuration, readinessPath: "/health", requireSuccess: true, timeout: timeout, cancellationToken: cancellationToken);

    private static Dictionary<string, string?> SettingsFor(PerfEnvironment dependencies) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["ConnectionStrings:Postgres"] = dependencies.PostgresConnectionString,
        ["ConnectionStrings:Redis"] = dependencies.RedisConnectionString,
        ["SampleSystem:MarketPricesBaseUrl"] = dependencies.DownstreamBaseUrl.ToString(),
        // Request logging would cost more than the requests themselves under load.
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Polly"] = "Error",
    };

    /// <summary>Stops the system under test, then removes the containers.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await System.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            if (Dependencies is not null)
            {
                await Dependencies.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
