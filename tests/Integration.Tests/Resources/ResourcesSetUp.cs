using PerfTests.Suites.Infrastructure;
using PerfTests;
using PerfTests.Containers;

namespace Integration.Tests.Resources;

/// <summary>PostgreSQL, Redis and the market-prices stub once for the resource-budget tests; always torn down.</summary>
[SetUpFixture]
public sealed class ResourcesSetUp
{
    private static readonly SharedEnvironment<PerfEnvironment> Shared = PortalDependencies.Shared("resources");

    internal static PerfEnvironment Current => Shared.Current;

    [OneTimeSetUp]
    public Task StartAsync() => Shared.StartAsync();

    [OneTimeTearDown]
    public Task StopAsync() => Shared.StopAsync();
}
