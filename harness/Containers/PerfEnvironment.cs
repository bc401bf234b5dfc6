using PerfTests.Containers.Downstream;
using PerfTests.Containers.Faults;
using PerfTests.Containers.Runtime;
using Testcontainers.PostgreSql;
using Testcontainers.Redis;

namespace PerfTests.Containers;

/// <summary>
/// The dependencies of the system under test, as <see cref="EnvironmentOptions"/> choose them:
/// PostgreSQL, Redis (Testcontainers, image names from the settings) and a downstream service stub
/// (WireMock.Net on 127.0.0.1 with fault injection). Containers mode starts them; external mode only
/// carries the given connection strings. Disposal always removes what was started, also after a
/// failed or cancelled start.
/// </summary>
public sealed class PerfEnvironment : IAsyncDisposable
{
    private readonly EnvironmentOptions _options;
    private string? _postgres;
    private string? _redis;
    private Uri? _downstreamUrl;
    private int _disposed;

    private PerfEnvironment(EnvironmentOptions options, string sessionId)
    {
        SessionId = sessionId;
        Mode = options.Mode;
        _options = options;
    }

    /// <summary>Containers or External.</summary>
    public EnvironmentMode Mode { get; }

    /// <summary>Label value on every container of this environment (label "perftests.session").</summary>
    public string SessionId { get; }

    /// <summary>Npgsql connection string.</summary>
    /// <exception cref="InvalidOperationException">The options left PostgreSQL out.</exception>
    public string PostgresConnectionString => _postgres ?? throw NotInEnvironment("PostgreSQL", "Postgres = true");

    /// <summary>StackExchange.Redis connection string ("host:port").</summary>
    /// <exception cref="InvalidOperationException">The options left Redis out.</exception>
    public string RedisConnectionString => _redis ?? throw NotInEnvironment("Redis", "Redis = true");

    /// <summary>Base URL of the downstream service: the stub's (containers mode) or the given one (external mode).</summary>
    /// <exception cref="InvalidOperationException">The options have no <see cref="EnvironmentOptions.DownstreamStub"/>.</exception>
    public Uri DownstreamBaseUrl => _downstreamUrl ?? throw NotInEnvironment("downstream service", "DownstreamStub = mappings");

    /// <summary>Fault injector of the downstream stub; containers mode only (a shared service is not ours to break).</summary>
    public FaultInjector Faults => Downstream?.Faults ?? throw new InvalidOperationException(Mode == EnvironmentMode.External
        ? "Fault injection needs the local downstream stub; it is not available in external mode."
        : "Fault injection needs a downstream stub: set EnvironmentOptions.DownstreamStub.");

    /// <summary>The PostgreSQL container (stop/pause in drills); null in external mode.</summary>
    public PostgreSqlContainer? PostgresContainer { get; private set; }

    /// <summary>The Redis container; null in external mode.</summary>
    public RedisContainer? RedisContainer { get; private set; }

    /// <summary>The stub behind <see cref="DownstreamBaseUrl"/> (its WireMock server takes more mappings); null in external mode or without one.</summary>
    public DownstreamStub? Downstream { get; private set; }

    internal string? DockerEndpoint { get; private set; }

    /// <summary>
    /// The environment of the run's settings (<see cref="EnvironmentOptions.FromSettings"/>), changed by
    /// <paramref name="configure"/> (which services, the stub's mappings), for one [SetUpFixture]:
    /// started once (3 minutes at most), always removed.
    /// </summary>
    public static SharedEnvironment<PerfEnvironment> Shared(string name, Action<EnvironmentOptions>? configure = null) =>
        new(name, ct =>
        {
            var options = EnvironmentOptions.FromSettings();
            configure?.Invoke(options);
            return StartAsync(options, ct);
        }, TimeSpan.FromMinutes(3));

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
            return new PerfEnvironment(options, sessionId)
            {
                _postgres = options.Postgres ? options.ExternalPostgresConnectionString : null,
                _redis = options.Redis ? options.ExternalRedisConnectionString : null,
                _downstreamUrl = options.DownstreamStub is null ? null : options.ExternalDownstreamUrl,
            };
        }

        var endpoint = options.Postgres || options.Redis
            ? await ContainerRuntimeProbe.EnsureAvailableAsync(System.Environment.GetEnvironmentVariable, ct).ConfigureAwait(false)
            : null;
        if (endpoint is not null)
        {
            await SweepOrphansOnceAsync(endpoint, ct).ConfigureAwait(false);
        }

        var environment = new PerfEnvironment(options, sessionId) { DockerEndpoint = endpoint };
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
        PostgresContainer = options.Postgres ? ContainerFactory.Postgres(options, SessionId) : null;
        RedisContainer = options.Redis ? ContainerFactory.Redis(options, SessionId) : null;
        await Task.WhenAll(
            PostgresContainer?.StartAsync(ct) ?? Task.CompletedTask,
            RedisContainer?.StartAsync(ct) ?? Task.CompletedTask).ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
        _postgres = PostgresContainer?.GetConnectionString();
        _redis = RedisContainer?.GetConnectionString();
        if (options.DownstreamStub is { } map)
        {
            Downstream = DownstreamStub.Start(map, options.TimeProvider, options.FaultSeed);
            _downstreamUrl = Downstream.BaseUrl;
        }
    }

    private static int _swept;

    /// <summary>Once per process, before its first containers: removes what killed runs left (their owner is gone).</summary>
    private static async Task SweepOrphansOnceAsync(string endpoint, CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _swept, 1) == 1)
        {
            return;
        }

        try
        {
            var removed = await ContainerSweeper.RemoveOrphansAsync(endpoint, ct).ConfigureAwait(false);
            if (removed > 0)
            {
                await Console.Error.WriteLineAsync($"perftests: removed {removed} container(s) left by runs whose process is gone").ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // A failed sweep must not stop this run; the leftovers stay for the next one.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync($"perftests: the sweep for containers of ended runs failed: {e.GetType().Name}: {e.Message}").ConfigureAwait(false);
        }
    }

    private InvalidOperationException NotInEnvironment(string what, string option) => new(
        $"This environment has no {what}: its EnvironmentOptions left it out (set {option} before it starts)." +
        (_options.Mode == EnvironmentMode.External ? " External mode." : ""));
}
