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
/// instances, for application-server failover drills (YARP is not in the registry). Passive health
/// like YARP's: a backend that refuses or resets a connection is marked down for <c>ejectFor</c>.
/// A refused request is retried once on the next backend (it never reached the instance); a reset
/// before the response headers is retried only for idempotent methods (GET, HEAD, OPTIONS), other
/// methods get a 502. A response already under way when the backend dies is aborted, and a 5xx is
/// passed on as it is: that is the honest error burst.
/// </summary>
public sealed class LoopbackBalancer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly BackendPool _pool;
    private readonly HttpClient _client;
    private long _retried;
    private long _badGateway;

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

    /// <summary>Requests sent a second time to another backend after the first one refused or reset the connection.</summary>
    public long Retried => Interlocked.Read(ref _retried);

    /// <summary>Requests answered 502 by the balancer itself (backend failed and no retry was allowed or left).</summary>
    public long BadGateway => Interlocked.Read(ref _badGateway);

    /// <summary>Times a backend was marked down (ejected) after a refused or reset connection.</summary>
    public long Ejections => _pool.Ejections;

    /// <summary>Starts the proxy.</summary>
    /// <param name="backends">Instances behind it (loopback addresses).</param>
    /// <param name="ejectFor">How long a backend that refused a connection is skipped. Default 5 s.</param>
    /// <param name="timeProvider">Clock of ejections.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<LoopbackBalancer> StartAsync(
        IReadOnlyList<Uri> backends, TimeSpan? ejectFor = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(backends);
        // A drill's balancer fronts instances on this machine: it never forwards load anywhere else.
        var elsewhere = backends.Where(b => !IsLoopback(b)).ToList();
        if (backends.Count == 0 || elsewhere.Count > 0)
        {
            throw new ArgumentException(backends.Count == 0
                ? "The balancer needs at least one backend."
                : $"The balancer only forwards to loopback (127.0.0.1, ::1, localhost) over http(s); refused: {string.Join(", ", elsewhere.Select(b => Load.Http.SafeUrl.Of(b)))}.", nameof(backends));
        }

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

    private static bool IsLoopback(Uri backend) =>
        backend is { IsAbsoluteUri: true } && (backend.Scheme == Uri.UriSchemeHttp || backend.Scheme == Uri.UriSchemeHttps) && backend.IsLoopback;

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
            catch (HttpRequestException e)
            {
                var failure = ProxyFailure.Classify(context.Request.Method, e, firstAttempt: attempt == 0);
                if (failure.EjectBackend)
                {
                    _pool.Eject(backend);
                }

                if (failure.Retry)
                {
                    Interlocked.Increment(ref _retried);
                    continue;
                }

                Interlocked.Increment(ref _badGateway);
                context.Response.StatusCode = StatusCodes.Status502BadGateway;
                return;
            }

            using (response)
            {
                _pool.CountAnswer(backend);
                // Once the response has started nothing can be retried: a backend dying now aborts
                // the client's response, which the client counts as the failure it is.
                await ProxyRequests.CopyResponseAsync(response, context.Response, context.RequestAborted).ConfigureAwait(false);
            }

            return;
        }

        Interlocked.Increment(ref _badGateway);
        context.Response.StatusCode = StatusCodes.Status502BadGateway;
    }
}
