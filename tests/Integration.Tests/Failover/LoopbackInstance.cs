using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Integration.Tests.Failover;

/// <summary>A Kestrel app on 127.0.0.1 and a free port: the instances (and the proxies) of the balancer tests.</summary>
internal static class LoopbackInstance
{
    /// <summary>Starts an app whose endpoints <paramref name="map"/> adds; <paramref name="services"/> registers what they need.</summary>
    public static async Task<WebApplication> StartAsync(Action<WebApplication> map, CancellationToken ct, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        services?.Invoke(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync(ct);
        return app;
    }

    /// <summary>Where a started app listens, with a trailing slash.</summary>
    public static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
}
