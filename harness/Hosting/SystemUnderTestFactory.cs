namespace PerfTests.Hosting;

/// <summary>Chooses between an external system (PERF_TARGET_URL) and an in-process Kestrel host, then checks it answers.</summary>
public static class SystemUnderTestFactory
{
    /// <summary>Environment variable holding the base URL of an already running system under test.</summary>
    public const string TargetUrlVariable = "PERF_TARGET_URL";

    /// <summary>
    /// Returns the external system named by PERF_TARGET_URL when set, otherwise starts
    /// <typeparamref name="TEntryPoint"/> on Kestrel with <paramref name="settings"/>; either way waits
    /// until GET /health answers 2xx (default 10 s) or throws <see cref="SystemUnderTestUnreachableException"/>.
    /// </summary>
    public static async Task<ISystemUnderTest> StartAsync<TEntryPoint>(
        IReadOnlyDictionary<string, string?> settings,
        TimeSpan? healthTimeout = null,
        CancellationToken cancellationToken = default)
        where TEntryPoint : class
    {
        var target = System.Environment.GetEnvironmentVariable(TargetUrlVariable);
        ISystemUnderTest system;
        if (!string.IsNullOrWhiteSpace(target))
        {
            if (!Uri.TryCreate(target, UriKind.Absolute, out var uri))
            {
                throw new ArgumentException($"{TargetUrlVariable} must be an absolute URL, got '{target}'.");
            }

            system = new ExternalSystemUnderTest(uri);
        }
        else
        {
            var factory = new KestrelApplicationFactory<TEntryPoint>(settings);
            try
            {
                factory.Start();
            }
            catch
            {
                await factory.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            system = factory;
        }

        try
        {
            await SystemUnderTestProbe.EnsureReachableAsync(system.BaseAddress, timeout: healthTimeout, cancellationToken: cancellationToken).ConfigureAwait(false);
            return system;
        }
        catch
        {
            await system.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
