using System.Net;
using PerfTests;

namespace Harness.Tests.Pipeline;

/// <summary>
/// The loopback guard and the hosts a user names: the TargetUrl host (a name, not only an address) and
/// a target named in code may receive load without a second list; any other host is still refused.
/// Names resolve to 127.0.0.1 through the HTTP options' host aliases, so no DNS is involved.
/// </summary>
[TestFixture]
public sealed class NamedTargetTests
{
    private const string Named = "orders.perf.test";
    private const string Other = "other.perf.test";

    private LoopbackServer _server = null!;
    private string _root = "";

    [SetUp]
    public async Task StartAsync()
    {
        _server = await LoopbackServer.StartAsync();
        _root = Directory.CreateTempSubdirectory("perf-named-").FullName;
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private PerfSettings Settings(string? targetHost = null, params string[] allowed) => new()
    {
        TargetUrl = targetHost is null ? null : new Uri($"http://{targetHost}:{_server.Port}/"),
        AllowedHosts = allowed,
        SummaryFolder = _root,
    };

    private static PerfTest Test(PerfSettings settings) =>
        PerfTest.Create("named").WithoutBudget().WithSettings(settings).Unscaled()
            .WithHttp(http =>
            {
                http.HostAliases[Named] = IPAddress.Loopback;
                http.HostAliases[Other] = IPAddress.Loopback;
            });

    private static Scenario Twenty(HttpTarget http) =>
        Scenario.Create("get", http.Get("get", "/orders")).WithLoadSimulations(LoadSimulation.ConstantRate(20, TimeSpan.FromSeconds(1)));

    [Test]
    public async Task TargetUrl_HostName_IsProbedAndLoadedWithoutBeingListedAgain()
    {
        var result = await Test(Settings(targetHost: Named)).Load(Twenty).RunAsync();

        Assert.That(result.Run!["get"].OkCount, Is.EqualTo(20), "every request went through the guard");
        Assert.That(_server.Hosts.GetValueOrDefault(Named), Is.EqualTo(21), "the probe and the load reached the named host");
    }

    [Test]
    public async Task TargetNamedInCode_HostName_IsLoaded()
    {
        var result = await Test(Settings()).Target($"http://{Named}:{_server.Port}").Load(Twenty).RunAsync();

        Assert.That(result.Run!["get"].OkCount, Is.EqualTo(20));
    }

    [Test]
    public async Task TargetUrlNamed_AnotherHost_IsRefusedBeforeAnyRequest()
    {
        var test = Test(Settings(targetHost: Named)).Run(run =>
        {
            _ = run.HttpTo(new Uri($"http://{Other}:{_server.Port}/")).Get("get", "/orders");
            return Task.CompletedTask;
        });

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => test.EvaluateAsync());

        Assert.That(refused!.Message, Does.Contain($"Refusing to send load to '{Other}'").And.Contain("AllowedHosts"));
        Assert.That(_server.Hosts.ContainsKey(Other), Is.False);
    }

    [Test]
    public async Task AllowedHostsSetting_AnotherHost_IsLoaded()
    {
        var result = await Test(Settings(targetHost: Named, Other)).Run(async run =>
        {
            await run.RunLoadAsync([Twenty(run.HttpTo(new Uri($"http://{Other}:{_server.Port}/")))]);
        }).RunAsync();

        Assert.That(result.Run!["get"].OkCount, Is.EqualTo(20));
        Assert.That(_server.Hosts.GetValueOrDefault(Other), Is.EqualTo(20));
    }
}
