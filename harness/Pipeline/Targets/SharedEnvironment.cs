namespace PerfTests;

/// <summary>
/// An environment (the app, its containers) started once for many tests, typically from an NUnit
/// <c>[SetUpFixture]</c>'s OneTimeSetUp, and always disposed at the end (its OneTimeTearDown), so nothing
/// outlives a failed or cancelled run. A start that failed is not retried: every later test sees its error.
/// </summary>
/// <typeparam name="T">The environment, e.g. an <see cref="ISystemUnderTest"/>.</typeparam>
/// <param name="name">What the environment is, for the error a test sees when it did not start.</param>
/// <param name="start">Starts the environment; the token fires after <paramref name="startTimeout"/>.</param>
/// <param name="startTimeout">Longest wait for the start (image builds, seeding).</param>
public sealed class SharedEnvironment<T>(string name, Func<CancellationToken, Task<T>> start, TimeSpan startTimeout)
    where T : class, IAsyncDisposable
{
    private readonly Lock _sync = new();
    private Task<T>? _start;
    private T? _current;

    /// <summary>What the environment is.</summary>
    public string Name { get; } = name;

    /// <summary>True once the environment has started (and until it is stopped).</summary>
    public bool IsStarted => _current is not null;

    /// <summary>The running environment; throws when it did not start (the message carries the start's error).</summary>
    public T Current => _current
        ?? throw new InvalidOperationException($"The {Name} environment did not start; see the OneTimeSetUp error.", _start?.Exception?.InnerException);

    /// <summary>Starts the environment unless it already started, bounded by the start timeout; a failed start rethrows its error.</summary>
    public async Task StartAsync()
    {
        Task<T> starting;
        lock (_sync)
        {
            starting = _start ??= StartOnceAsync();
        }

        _current = await starting.ConfigureAwait(false);
    }

    /// <summary>Disposes the environment if it started; safe to call more than once.</summary>
    public async Task StopAsync()
    {
        T? current;
        lock (_sync)
        {
            current = _current;
            (_current, _start) = (null, null);
        }

        if (current is not null)
        {
            await current.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<T> StartOnceAsync()
    {
        using var timeout = new CancellationTokenSource(startTimeout);
        return await start(timeout.Token).ConfigureAwait(false);
    }
}
