using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Harness.Tests.Pipeline;

/// <summary>A Kestrel on 127.0.0.1 answering "ok" to every GET, counting what it served and under which Host header.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _hosts = new(StringComparer.OrdinalIgnoreCase);

    private LoopbackServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Requests served, by the host name the client asked for.</summary>
    public IReadOnlyDictionary<string, int> Hosts => _hosts;

    public static async Task<LoopbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LoopbackServer? server = null;
        app.MapGet("/{**path}", (HttpContext context) =>
        {
            server!._hosts.AddOrUpdate(context.Request.Host.Host, 1, (_, n) => n + 1);
            return Results.Text("ok");
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server = new LoopbackServer(app, address.Port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
