using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PerfTests;

namespace Harness.Tests.Pipeline;

/// <summary>A closed port on loopback: the test fails in seconds with the URL, whatever the schedule says.</summary>
[TestFixture]
public sealed class DeadTargetTests
{
    private string _root = "";

    [SetUp]
    public void CreateFolder() => _root = Directory.CreateTempSubdirectory("perf-dead-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_root, recursive: true);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Test]
    public async Task RunAsync_ClosedPortAsTheTarget_FailsInSecondsNamingTheUrlWithItsSecretsMasked()
    {
        var port = ClosedPort();
        var test = PerfTest.Create("dead").WithoutBudget().WithSettings(new PerfSettings { SummaryFolder = _root }).Unscaled()
            .Target($"http://perf-user:s3cret-pass@127.0.0.1:{port}/")
            .Load(http => Scenario.Create("orders", http.Get("list", "/orders"))
                .WithLoadSimulations(LoadSimulation.ConstantRate(50, TimeSpan.FromMinutes(1))));
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<SystemUnderTestUnreachableException>(() => test.EvaluateAsync());

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "refused connections end the wait before the readiness timeout");
        Assert.That(error!.Message, Does.Contain($"http://***@127.0.0.1:{port}/").And.Contain("refused"));
        Assert.That(error.Message, Does.Not.Contain("s3cret"));
    }

    [Test]
    public async Task RunAsync_LoadSentToAClosedPort_StopsInSecondsNamingTheUrlWithItsSecretsMasked()
    {
        // The target answers its probe; the load goes to a port nothing listens on.
        await using var server = await LoopbackServer.StartAsync();
        var dead = new Uri($"http://perf-user:s3cret-pass@127.0.0.1:{ClosedPort()}/");
        var test = PerfTest.Create("dead").WithoutBudget().WithSettings(new PerfSettings { SummaryFolder = _root }).Unscaled()
            .Target($"http://127.0.0.1:{server.Port}/")
            .Run(context => context.RunLoadAsync([Scenario.Create("orders", context.HttpTo(dead).Get("list", "/orders?api_key=k3y-s3cret"))
                .WithLoadSimulations(LoadSimulation.ConstantRate(50, TimeSpan.FromMinutes(1)))]));
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<SystemUnderTestUnreachableException>(() => test.EvaluateAsync());

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "a one-minute schedule against a dead port ends in seconds");
        Assert.That(error!.Message, Does.StartWith("Load stopped after").And.Contain("the first 10 request(s) of 'orders'")
            .And.Contain($"http://***@127.0.0.1:{dead.Port}/orders?***").And.Contain("refused"));
        Assert.That(error.Message, Does.Not.Contain("s3cret"));
    }
}
