using PerfTests.Containers;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Stress;

/// <summary>Starts the portal environment once for the Stress suite and always tears it down.</summary>
[SetUpFixture]
public sealed class StressSuiteSetUp
{
    private static readonly SharedEnvironment<PortalEnvironment> Shared = PortalEnvironment.Shared("Stress");

    internal static PortalEnvironment Current => Shared.Current;

    [OneTimeSetUp]
    public Task StartAsync() => Shared.StartAsync();

    [OneTimeTearDown]
    public Task StopAsync() => Shared.StopAsync();
}
