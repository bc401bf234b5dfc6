using PerfTests.Containers;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Resources;

/// <summary>Starts the portal environment once for the resource suite and always tears it down.</summary>
[SetUpFixture]
public sealed class ResourcesSuiteSetUp
{
    private static readonly SharedEnvironment<PortalEnvironment> Shared = PortalEnvironment.Shared("Resources");

    internal static PortalEnvironment Current => Shared.Current;

    [OneTimeSetUp]
    public Task StartAsync() => Shared.StartAsync();

    [OneTimeTearDown]
    public Task StopAsync() => Shared.StopAsync();
}
