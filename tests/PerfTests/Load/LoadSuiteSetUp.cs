using PerfTests.Containers;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Load;

/// <summary>Starts the portal environment once for the Load suite and always tears it down.</summary>
[SetUpFixture]
public sealed class LoadSuiteSetUp
{
    private static readonly SharedEnvironment<PortalEnvironment> Shared = PortalEnvironment.Shared("Load");

    internal static PortalEnvironment Current => Shared.Current;

    [OneTimeSetUp]
    public Task StartAsync() => Shared.StartAsync();

    [OneTimeTearDown]
    public Task StopAsync() => Shared.StopAsync();
}
