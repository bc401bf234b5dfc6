using PerfTests.Suites.Infrastructure;
using PerfTests;
using PerfTests.Containers;

namespace Integration.Tests.SampleSystem;

/// <summary>
/// Starts real PostgreSQL and Redis containers and the WireMock market-prices service once for the
/// sample-system tests, and always tears them down.
/// </summary>
[SetUpFixture]
public sealed class SampleSystemSetUp
{
    private static readonly SharedEnvironment<PerfEnvironment> Shared = PortalDependencies.Shared("sample-system");

    internal static PerfEnvironment Current => Shared.Current;

    [OneTimeSetUp]
    public Task StartAsync() => Shared.StartAsync();

    [OneTimeTearDown]
    public Task StopAsync() => Shared.StopAsync();
}
