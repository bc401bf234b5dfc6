using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PerfTests.Failover.Balancing;

/// <summary>
/// A tiny round-robin reverse proxy on Kestrel (127.0.0.1, random port) in front of several
/// instances, for application-server failover drills (YARP is not in the registry). A backend
/// whose connection fails is ejected for <c>ejectFor</c> and the request is retried once on the
/// next backend: a refused connection never reached the instance, so the retry is safe. Anything
/// else (a reset mid-response, a 5xx) is passed to the client as it is: that is the error burst.
/// </summary>
public sealed class LoopbackBalancer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly BackendPool _pool;
    private readonly HttpClient _client;

    private LoopbackBalancer(WebApplication app, BackendPool pool, HttpClient client)
    {
        _app = app;
        _pool = pool;
        _client = client;
    }

    /// <summary>Address clients use (http://127.0.0.1:port/).</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Requests each backend answered (any status), by backend address.</summary>
    public IReadOnlyDictionary<Uri, long> Answered => _pool.Answered;

    /// <summary>Starts the proxy.</summary>
    /// <param name="backends">Instances behind it (loopback addresses).</param>
    /// <param name="ejectFor">How long a backend that refused a connection is skipped. Default 5 s.</param>
    /// <param name="timeProvider">Clock of ejections.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<LoopbackBalancer> StartAsync(
        IReadOnlyList<Uri> backends, TimeSpan? ejectFor = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        var pool = new BackendPool(backends, ejectFor ?? TimeSpan.FromSeconds(5), timeProvider ?? TimeProvider.System);
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(2) })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var balancer = new LoopbackBalancer(app, pool, client);
        app.Run(balancer.ProxyAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        balancer.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return balancer;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _client.Dispose();
    }

    private async Task ProxyAsync(HttpContext context)
    {
        // The body is buffered so a request refused by one backend can be replayed to the next.
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var backend = _pool.Next();
            using var request = ProxyRequests.Create(context.Request, backend, body.ToArray());
            HttpResponseMessage response;
            try
            {
                response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted).ConfigureAwait(false);
            }
            catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError && attempt == 0)
            {
                _pool.Eject(backend);
                continue;
            }
            catch (HttpRequestException)
            {
                context.Response.StatusCode = StatusCodes.Status502BadGateway;
                return;
            }

            using (response)
            {
                _pool.CountAnswer(backend);
                await ProxyRequests.CopyResponseAsync(response, context.Response, context.RequestAborted).ConfigureAwait(false);
            }

            return;
        }

        context.Response.StatusCode = StatusCodes.Status502BadGateway;
    }
}
