using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PerfTests.Failover.Balancing;

namespace Integration.Tests.Failover;

/// <summary>The balancer spreads requests and routes around an instance that went away.</summary>
[TestFixture]
[Category("Integration")]
public sealed class LoopbackBalancerTests
{
    private static readonly string[] BothInstances = ["A:x=1", "B:x=1"];

    [Test]
    [CancelAfter(60_000)]
    public async Task Proxy_OneInstanceStopped_RemainingInstanceAnswersEveryRequest(CancellationToken ct)
    {
        var a = await StartInstanceAsync("A", ct);
        await using var b = await StartInstanceAsync("B", ct);
        await using var balancer = await LoopbackBalancer.StartAsync([Address(a), Address(b)], cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = balancer.BaseAddress };

        var before = await SendAsync(http, 10, ct);
        await a.StopAsync(ct);
        await a.DisposeAsync();
        var after = await SendAsync(http, 10, ct);

        Assert.Multiple(() =>
        {
            Assert.That(before.Distinct().Order(), Is.EqualTo(BothInstances), "round robin reaches both instances, query and body pass through");
            Assert.That(after, Is.All.EqualTo("B:x=1"), "a refused connection is retried on the other instance, never returned as an error");
        });
    }

    private static async Task<List<string>> SendAsync(HttpClient http, int count, CancellationToken ct)
    {
        var bodies = new List<string>();
        for (var i = 0; i < count; i++)
        {
            using var response = await http.PostAsync(new Uri("echo?x=1", UriKind.Relative), new StringContent("payload"), ct);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            bodies.Add(await response.Content.ReadAsStringAsync(ct));
        }

        return bodies;
    }

    private static Task<WebApplication> StartInstanceAsync(string name, CancellationToken ct) =>
        LoopbackInstance.StartAsync(app => app.MapPost("/echo", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            return body == "payload" ? Results.Text($"{name}:x={context.Request.Query["x"]}") : Results.BadRequest();
        }), ct);

    private static Uri Address(WebApplication app) => LoopbackInstance.Address(app);
}
