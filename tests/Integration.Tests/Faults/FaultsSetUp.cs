using PerfTests.Suites.Infrastructure;
using PerfTests;
using PerfTests.Containers;
using PerfTests.Containers.Faults;

namespace Integration.Tests.Faults;

/// <summary>One environment for the fault tests, started once and always torn down.</summary>
[SetUpFixture]
public sealed class FaultsSetUp
{
    private static readonly SharedEnvironment<PerfEnvironment> Shared = PortalDependencies.Shared("fault-test");

    internal static PerfEnvironment Current => Shared.Current;

    internal static FaultInjector Faults => Current.Faults;

    /// <summary>A client on the downstream stub; each test owns (and disposes) its own.</summary>
    internal static HttpClient CreateClient(TimeSpan? timeout = null) =>
        new() { BaseAddress = Current.DownstreamBaseUrl, Timeout = timeout ?? TimeSpan.FromSeconds(10) };

    [OneTimeSetUp]
    public Task StartAsync() => Shared.StartAsync();

    [OneTimeTearDown]
    public Task StopAsync() => Shared.StopAsync();
}
