namespace PerfTests.Containers;

/// <summary>
/// An environment started once for a group of fixtures (an NUnit <c>[SetUpFixture]</c>'s
/// OneTimeSetUp) and always disposed at the end (its OneTimeTearDown), so no container outlives
/// a failed or cancelled run.
/// </summary>
/// <typeparam name="T">The environment, e.g. <see cref="PerfEnvironment"/>.</typeparam>
/// <param name="name">What the environment is, for the error a test sees when it did not start.</param>
/// <param name="start">Starts the environment; the token fires after <paramref name="startTimeout"/>.</param>
/// <param name="startTimeout">Longest wait for the start (image pulls, seeding).</param>
public sealed class SharedEnvironment<T>(string name, Func<CancellationToken, Task<T>> start, TimeSpan startTimeout)
    where T : class, IAsyncDisposable
{
    private T? _current;

    /// <summary>The running environment; throws when it did not start (the set-up error says why).</summary>
    public T Current => _current
        ?? throw new InvalidOperationException($"The {name} environment did not start; see the OneTimeSetUp error.");

    /// <summary>Starts the environment, bounded by the start timeout.</summary>
    public async Task StartAsync()
    {
        using var timeout = new CancellationTokenSource(startTimeout);
        _current = await start(timeout.Token).ConfigureAwait(false);
    }

    /// <summary>Disposes the environment if it started; safe to call more than once.</summary>
    public async Task StopAsync()
    {
        var current = Interlocked.Exchange(ref _current, null);
        if (current is not null)
        {
            await current.DisposeAsync().ConfigureAwait(false);
        }
    }
}
