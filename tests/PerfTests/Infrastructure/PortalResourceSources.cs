using PerfTests.Resources;

namespace PerfTests.Suites.Infrastructure;

/// <summary>
/// The resource sources of a portal environment: the test process (portal and load generator
/// share it), the portal's own /metrics (pool usage, cache hit ratio), and PostgreSQL and Redis when
/// the environment owns them. Disposing closes their connections.
/// </summary>
internal sealed class PortalResourceSources : IAsyncDisposable
{
    private readonly HttpClient _metricsClient = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly ProcessResourceSource _process = ProcessResourceSource.ForTestProcess();
    private readonly PostgresResourceSource? _postgres;
    private readonly RedisResourceSource? _redis;

    public PortalResourceSources(PortalEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var sources = new List<IResourceSource> { _process, new AppMetricsSource(_metricsClient, environment.BaseAddress) };
        if (environment.Dependencies is { } dependencies)
        {
            sources.Add(_postgres = new PostgresResourceSource(dependencies.PostgresConnectionString));
            sources.Add(_redis = new RedisResourceSource(dependencies.RedisConnectionString));
        }

        All = sources;
    }

    /// <summary>Every source, for <see cref="ResourceSampler.Start"/>.</summary>
    public IReadOnlyList<IResourceSource> All { get; }

    public async ValueTask DisposeAsync()
    {
        _process.Dispose();
        _metricsClient.Dispose();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync().ConfigureAwait(false);
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync().ConfigureAwait(false);
        }
    }
}
