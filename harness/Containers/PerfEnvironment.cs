using PerfTests.Containers.Downstream;
using PerfTests.Containers.Faults;
using PerfTests.Containers.Runtime;
using Testcontainers.PostgreSql;
using Testcontainers.Redis;
using WireMock.Server;

namespace PerfTests.Containers;

/// <summary>
/// The dependencies a performance test runs against: PostgreSQL, Redis and the downstream market-prices
/// service. Containers mode starts them (Testcontainers + WireMock.Net on 127.0.0.1); external mode only
/// carries the given connection strings. Disposal always removes what was started, also after a failed
/// or cancelled start.
/// </summary>
public sealed class PerfEnvironment : IAsyncDisposable
{
    private readonly FaultInjector? _faults;
    private int _disposed;

    private PerfEnvironment(EnvironmentOptions options, string sessionId, FaultInjector? faults)
    {
        SessionId = sessionId;
        Mode = options.Mode;
        _faults = faults;
    }

    /// <summary>Containers or External.</summary>
    public EnvironmentMode Mode { get; }

    /// <summary>Label value on every container of this environment (label "perftests.session").</summary>
    public string SessionId { get; }

    /// <summary>Npgsql connection string.</summary>
    public string PostgresConnectionString { get; private set; } = string.Empty;

    /// <summary>StackExchange.Redis connection string ("host:port").</summary>
    public string RedisConnectionString { get; private set; } = string.Empty;

    /// <summary>Base URL of the downstream market-prices service (see README.md for the contract).</summary>
    public Uri DownstreamBaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Fault injector of the downstream stub; containers mode only (a shared service is not ours to break).</summary>
    public FaultInjector Faults => _faults ?? throw new InvalidOperationException(
        "Fault injection needs the local downstream stub; it is not available in external mode.");

    /// <summary>The PostgreSQL container (stop/pause in drills); null in external mode.</summary>
    public PostgreSqlContainer? PostgresContainer { get; private set; }

    /// <summary>The Redis container; null in external mode.</summary>
    public RedisContainer? RedisContainer { get; private set; }

    /// <summary>The WireMock.Net server behind <see cref="DownstreamBaseUrl"/> (add mappings here); null in external mode.</summary>
    public WireMockServer? Downstream { get; private set; }

    internal string? DockerEndpoint { get; private set; }

    /// <summary>
    /// Containers and the downstream stub configured from environment variables, for one
    /// [SetUpFixture]: started once (3 minutes at most), always removed.
    /// </summary>
    public static SharedEnvironment<PerfEnvironment> Shared(string name) =>
        new(name, ct => StartAsync(EnvironmentOptions.FromSettings(), ct), TimeSpan.FromMinutes(3));

    /// <summary>
    /// Starts (containers mode) or wraps (external mode) the environment. PostgreSQL and Redis start in
    /// parallel, bounded by <see cref="EnvironmentOptions.StartTimeout"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid (all problems listed).</exception>
    /// <exception cref="ContainerRuntimeUnavailableException">No Docker/Podman API answers.</exception>
    /// <exception cref="TimeoutException">Start took longer than StartTimeout.</exception>
    public static Task<PerfEnvironment> StartAsync(EnvironmentOptions options, CancellationToken ct = default) =>
        StartAsync(options, Guid.NewGuid().ToString("N"), ct);

    /// <summary>Start with a chosen session id, so tests can look for leftovers of a start that threw.</summary>
    internal static async Task<PerfEnvironment> StartAsync(EnvironmentOptions options, string sessionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid environment options:" + System.Environment.NewLine + string.Join(System.Environment.NewLine, errors), nameof(options));
        }

        if (options.Mode == EnvironmentMode.External)
        {
            return new PerfEnvironment(options, sessionId, faults: null)
            {
                PostgresConnectionString = options.ExternalPostgresConnectionString!,
                RedisConnectionString = options.ExternalRedisConnectionString!,
                DownstreamBaseUrl = options.ExternalDownstreamUrl!,
            };
        }

        var endpoint = await ContainerRuntimeProbe.EnsureAvailableAsync(System.Environment.GetEnvironmentVariable, ct).ConfigureAwait(false);
        var environment = new PerfEnvironment(options, sessionId, new FaultInjector(options.TimeProvider, options.FaultSeed))
        {
            DockerEndpoint = endpoint,
        };
        using var timeout = new CancellationTokenSource(options.StartTimeout, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            await environment.StartContainersAsync(options, linked.Token).ConfigureAwait(false);
            return environment;
        }
        catch (Exception startError)
        {
            try
            {
                await environment.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception cleanupError)
            {
                throw new AggregateException("The environment failed to start and its cleanup failed too.", startError, cleanupError);
            }

            // Testcontainers' readiness wait reports a cancelled token as TimeoutException: normalise both cases.
            if (ct.IsCancellationRequested)
            {
                throw new OperationCanceledException("Starting the environment was cancelled; its containers were removed.", startError, ct);
            }

            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"The environment did not start within {options.StartTimeout} (StartTimeout).", startError);
            }

            throw;
        }
    }

    /// <summary>Stops the stub and removes every container of this environment (idempotent).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        var errors = new List<Exception>();
        try
        {
            Downstream?.Stop();
            Downstream?.Dispose();
        }
        catch (Exception e)
        {
            errors.Add(e);
        }

        await DisposeQuietly(PostgresContainer, errors).ConfigureAwait(false);
        await DisposeQuietly(RedisContainer, errors).ConfigureAwait(false);
        if (DockerEndpoint is not null)
        {
            // Sweep by label: a container created while the start was being cancelled may be unknown to its handle.
            try
            {
                await ContainerSweeper.RemoveSessionAsync(DockerEndpoint, SessionId, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                errors.Add(e);
            }
        }

        if (errors.Count > 0)
        {
            throw new AggregateException("Tearing down the environment failed; containers may be left (podman ps -a --filter label=perftests.session).", errors);
        }
    }

    private static async Task DisposeQuietly(IAsyncDisposable? resource, List<Exception> errors)
    {
        try
        {
            if (resource is not null)
            {
                await resource.DisposeAsync().ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            errors.Add(e);
        }
    }

    private async Task StartContainersAsync(EnvironmentOptions options, CancellationToken ct)
    {
        PostgresContainer = ContainerFactory.Postgres(options, SessionId);
        RedisContainer = ContainerFactory.Redis(options, SessionId);
        await Task.WhenAll(PostgresContainer.StartAsync(ct), RedisContainer.StartAsync(ct)).ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
        PostgresConnectionString = PostgresContainer.GetConnectionString();
        RedisConnectionString = RedisContainer.GetConnectionString();
        (Downstream, DownstreamBaseUrl) = DownstreamServer.Start(_faults!, options.TimeProvider);
    }
}
