using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PerfTests;

namespace Integration.Tests.FrontDoor;

/// <summary>
/// The README example's target here: a small orders API on loopback Kestrel, started once for the
/// namespace. In a user's repository this fixture starts their own app (InProcessApp.StartAsync&lt;Program&gt;).
/// </summary>
[SetUpFixture]
public sealed class OrdersApp
{
    private static readonly SharedEnvironment<LoopbackApi> Shared = new("orders API", LoopbackApi.StartAsync, TimeSpan.FromSeconds(30));

    /// <summary>The running orders API.</summary>
    public static ISystemUnderTest Current => Shared.Current;

    [OneTimeSetUp]
    public Task StartAsync() => Shared.StartAsync();

    [OneTimeTearDown]
    public Task StopAsync() => Shared.StopAsync();

    /// <summary>GET /api/orders: a page of 20 orders as JSON, after a small simulated query (1-3 ms).</summary>
    private sealed class LoopbackApi(WebApplication app, Uri baseAddress) : ISystemUnderTest
    {
        public Uri BaseAddress { get; } = baseAddress;

        public static async Task<LoopbackApi> StartAsync(CancellationToken cancellationToken)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var orders = Enumerable.Range(1, 20).Select(i => new { id = i, customer = $"customer-{i % 7}", total = i * 12.5m }).ToArray();
            app.MapGet("/api/orders", async (CancellationToken aborted) =>
            {
                await Task.Delay(Random.Shared.Next(1, 4), aborted);
                return Results.Json(orders);
            });
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new LoopbackApi(app, new Uri(address + "/"));
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
