using PerfTests;

namespace Integration.Tests.ExternalTargets;

/// <summary>Starts json-server once for the namespace and always stops it.</summary>
[SetUpFixture]
public sealed class JsonServerSetUp
{
    private static readonly SharedEnvironment<JsonServer> Server = new("json-server (scripts/setup-npm-tool.sh json-server)", JsonServer.StartAsync, TimeSpan.FromSeconds(40));

    internal static JsonServer Current => Server.Current;

    [OneTimeSetUp]
    public Task StartAsync() => Server.StartAsync();

    [OneTimeTearDown]
    public Task StopAsync() => Server.StopAsync();
}
