namespace PerfTests.Hosting;

/// <summary>Starts an ASP.NET Core app in the test process on real Kestrel (127.0.0.1, a free port): the user's own service as the target.</summary>
public static class InProcessApp
{
    /// <summary>
    /// Starts <typeparamref name="TEntryPoint"/>'s app with <paramref name="configuration"/> layered over its
    /// own, then probes <paramref name="readinessPath"/> until it answers (below 500, or 2xx with
    /// <paramref name="requireSuccess"/>) or throws <see cref="SystemUnderTestUnreachableException"/>.
    /// When <paramref name="settings"/> name a TargetUrl nothing is started: that running system is returned
    /// (probed the same way), so "point the tests at a deployed system" needs no code change.
    /// </summary>
    /// <typeparam name="TEntryPoint">A type in the app's entry assembly, usually its Program.</typeparam>
    /// <param name="configuration">Configuration overrides ("ConnectionStrings:Db" = ...); "Logging:LogLevel:Default" defaults to Warning.</param>
    /// <param name="settings">The run's settings, to honour its TargetUrl; null: always start in-process.</param>
    /// <param name="readinessPath">Path probed after the start; default "/".</param>
    /// <param name="requireSuccess">Whether only a 2xx counts as ready (a health endpoint); default false.</param>
    /// <param name="timeout">How long the app may take to answer (seeding included); default 30 s.</param>
    /// <param name="cancellationToken">Cancels the start; whatever started is stopped.</param>
    public static async Task<ISystemUnderTest> StartAsync<TEntryPoint>(
        IReadOnlyDictionary<string, string?>? configuration = null,
        PerfSettings? settings = null,
        string readinessPath = "/",
        bool requireSuccess = false,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
        where TEntryPoint : class
    {
        ISystemUnderTest system;
        if (settings?.TargetUrl is { } url)
        {
            system = new ExternalSystemUnderTest(url);
        }
        else
        {
            var factory = new KestrelApplicationFactory<TEntryPoint>(configuration);
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
            await SystemUnderTestProbe.EnsureReachableAsync(
                system.BaseAddress, readinessPath, timeout ?? TimeSpan.FromSeconds(30), requireSuccess, cancellationToken: cancellationToken).ConfigureAwait(false);
            return system;
        }
        catch
        {
            await system.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
