using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PerfTests;
using PerfTests.Failover.Balancing;
using PerfTests.Load.Http;
using PerfTests.Load.Running;
using Yarp.ReverseProxy.Configuration;

namespace Integration.Tests.Failover;

/// <summary>
/// Why the drills' balancer is ours and not YARP (the kept library the issue asks to prefer): the same
/// instance kill behind each, under the same load. YARP 2.3 with round robin and its passive health check
/// (TransportFailureRate, the closest to ours) has no retry, so every request sent to the dead instance
/// before the policy ejects it fails; ours retries a refused connection once on the next instance. The
/// application-server drill judges that error burst (failover-appserver.yaml), so the balancer must not
/// add failures of its own. Figures in harness/Failover/README.md.
/// </summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class BalancerComparisonTests
{
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(6);

    [Test]
    [CancelAfter(120_000)]
    public async Task InstanceKilledMidLoad_OursLosesFewerRequestsThanYarp(CancellationToken ct)
    {
        var ours = await MeasureAsync(backends => StartOursAsync(backends, ct), ct);
        var yarp = await MeasureAsync(backends => StartYarpAsync(backends, ct), ct);
        TestContext.Out.WriteLine($"failed requests at 100/s for {Hold.TotalSeconds:0} s, one of two instances killed at 2 s: ours {ours}, YARP {yarp}");

        Assert.That(ours, Is.LessThanOrEqualTo(2), "ours retries refused connections: at most the requests in flight at the kill fail");
        Assert.That(ours, Is.LessThan(yarp), "if YARP ever matches ours, the drills should use it");
    }

    /// <summary>Failed requests through the balancer at 100/s while one of two instances is killed.</summary>
    private static async Task<long> MeasureAsync(Func<IReadOnlyList<Uri>, Task<(Uri Address, IAsyncDisposable Balancer)>> start, CancellationToken ct)
    {
        var a = await StartInstanceAsync(ct);
        await using var b = await StartInstanceAsync(ct);
        var (address, balancer) = await start([Address(a), Address(b)]);
        await using (balancer)
        {
            using var http = new HttpStepClient(new HttpStepOptions { MaxConnectionsPerServer = 64 });
            var scenario = Scenario.Create("through-balancer", http.GetStep("get", new Uri(address, "ok")))
                .WithLoadSimulations(LoadSimulation.ConstantRate(100, Hold));
            var run = LoadRunner.RunAsync(scenario, new LoadRunnerOptions { Progress = ProgressMode.Never }, ct);
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            // As a kill: connections dropped at once, the port closed after.
            await a.StopAsync(new CancellationToken(canceled: true));
            await a.DisposeAsync();
            var result = await run;
            return result.Scenarios[0].FailCount;
        }
    }

    private static async Task<(Uri, IAsyncDisposable)> StartOursAsync(IReadOnlyList<Uri> backends, CancellationToken ct)
    {
        var balancer = await LoopbackBalancer.StartAsync(backends, cancellationToken: ct);
        return (balancer.BaseAddress, balancer);
    }

    private static async Task<(Uri, IAsyncDisposable)> StartYarpAsync(IReadOnlyList<Uri> backends, CancellationToken ct)
    {
        var app = await LoopbackInstance.StartAsync(
            app => app.MapReverseProxy(proxy =>
            {
                proxy.UseLoadBalancing();
                proxy.UsePassiveHealthChecks();
            }),
            ct,
            services => services.AddReverseProxy().LoadFromMemory(
                [new RouteConfig { RouteId = "all", ClusterId = "instances", Match = new RouteMatch { Path = "{**rest}" } }],
                [new ClusterConfig
                {
                    ClusterId = "instances",
                    LoadBalancingPolicy = "RoundRobin",
                    HealthCheck = new HealthCheckConfig
                    {
                        Passive = new PassiveHealthCheckConfig { Enabled = true, Policy = "TransportFailureRate", ReactivationPeriod = TimeSpan.FromSeconds(5) },
                    },
                    Destinations = backends.Select((b, i) => (i, b)).ToDictionary(d => $"d{d.i}", d => new DestinationConfig { Address = d.b.ToString() }),
                }]));
        return (Address(app), app);
    }

    private static Task<WebApplication> StartInstanceAsync(CancellationToken ct) =>
        LoopbackInstance.StartAsync(app => app.MapGet("/ok", async (CancellationToken aborted) =>
        {
            await Task.Delay(2, aborted);
            return Results.Text("ok");
        }), ct);

    private static Uri Address(WebApplication app) => LoopbackInstance.Address(app);
}
