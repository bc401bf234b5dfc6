using PerfTests.Containers;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Spike;

/// <summary>Starts the portal environment once for the Spike suite and always tears it down.</summary>
[SetUpFixture]
public sealed class SpikeSuiteSetUp
{
    private static readonly SharedEnvironment<PortalEnvironment> Shared = PortalEnvironment.Shared("Spike");

    internal static PortalEnvironment Current => Shared.Current;

    [OneTimeSetUp]
    public Task StartAsync() => Shared.StartAsync();

    [OneTimeTearDown]
    public Task StopAsync() => Shared.StopAsync();
}
