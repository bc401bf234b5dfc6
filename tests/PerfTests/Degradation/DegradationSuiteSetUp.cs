using PerfTests.Containers;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Degradation;

/// <summary>Starts the portal environment once for the Degradation suite and always tears it down.</summary>
[SetUpFixture]
public sealed class DegradationSuiteSetUp
{
    private static readonly SharedEnvironment<PortalEnvironment> Shared = PortalEnvironment.Shared("Degradation");

    internal static PortalEnvironment Current => Shared.Current;

    [OneTimeSetUp]
    public Task StartAsync() => Shared.StartAsync();

    [OneTimeTearDown]
    public Task StopAsync() => Shared.StopAsync();
}
