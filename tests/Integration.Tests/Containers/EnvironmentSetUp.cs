using PerfTests.Suites.Infrastructure;
using PerfTests;
using PerfTests.Containers;

namespace Integration.Tests.Containers;

/// <summary>One environment for every test in this namespace, started once and always torn down.</summary>
[SetUpFixture]
public sealed class EnvironmentSetUp
{
    private static readonly SharedEnvironment<PerfEnvironment> Shared = PortalDependencies.Shared("container");

    internal static PerfEnvironment Current => Shared.Current;

    [OneTimeSetUp]
    public Task StartAsync() => Shared.StartAsync();

    [OneTimeTearDown]
    public Task StopAsync() => Shared.StopAsync();
}
