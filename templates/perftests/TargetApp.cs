//#if (InProcess)
//#if (Postgres)
using PerfTests.Containers;
//#endif
using PerfTests.Hosting;

namespace PerfTestsProject;

/// <summary>
/// The app under test, started once for the whole run in this process on real Kestrel (127.0.0.1),
/// and stopped after it. With a TargetUrl in the settings the running system it names is loaded
/// instead and nothing is started.
/// </summary>
[SetUpFixture]
public sealed class TargetApp
{
//#if (Postgres)
    // PostgreSQL in a container for the app (image: the PostgresImage setting); Redis is not started.
    private static readonly SharedEnvironment<PerfEnvironment> Dependencies =
        PerfEnvironment.Shared("app dependencies", options => options.Redis = false);

    private static readonly SharedEnvironment<ISystemUnderTest> App = new("app under test",
        ct => InProcessApp.StartAsync<Program>(
            new Dictionary<string, string?> { ["CONNECTION_STRING_KEY"] = Dependencies.Current.PostgresConnectionString },
            PerfSettings.Current, readinessPath: "/READINESS_PATH", cancellationToken: ct),
        TimeSpan.FromMinutes(2));
//#else
    private static readonly SharedEnvironment<ISystemUnderTest> App = new("app under test",
        ct => InProcessApp.StartAsync<Program>(settings: PerfSettings.Current, readinessPath: "/READINESS_PATH", cancellationToken: ct),
        TimeSpan.FromMinutes(2));
//#endif

    /// <summary>The running app (or the system TargetUrl names).</summary>
    public static ISystemUnderTest Current => App.Current;

//#if (Postgres)
    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (PerfSettings.Current.TargetUrl is null)
        {
            await Dependencies.StartAsync();
        }

        await App.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await App.StopAsync();
        await Dependencies.StopAsync();
    }
//#else
    [OneTimeSetUp]
    public Task StartAsync() => App.StartAsync();

    [OneTimeTearDown]
    public Task StopAsync() => App.StopAsync();
//#endif
}
//#else
namespace PerfTestsProject;

/// <summary>
/// The system under test: a running system at this URL. The TargetUrl setting (runsettings or
/// PERF_TARGET_URL) replaces it at run time, e.g. for a staging deployment (its host is then allowed).
/// </summary>
public static class TargetApp
{
    /// <summary>The system's base URL.</summary>
    public static Uri Current { get; } = new("TARGET_BASE_URL");
}
//#endif
