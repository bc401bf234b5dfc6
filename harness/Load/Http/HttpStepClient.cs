using System.Buffers;
using System.Net;
using System.Net.Sockets;
using PerfTests;

namespace PerfTests.Load.Http;

/// <summary>
/// HTTP steps on ONE shared <see cref="SocketsHttpHandler"/>: maps a response to a
/// <see cref="StepResult"/> (status code, body bytes read, failure on non-success unless
/// configured). Only loopback targets unless a host is allowed explicitly. Thread-safe; create
/// one per run and dispose it after.
/// </summary>
public sealed class HttpStepClient : IDisposable
{
    private const int BufferSize = 16 * 1024;
    private readonly HttpStepOptions _options;
    private readonly TargetGuard _guard;

    // Private: every request goes through the guard (SendAsync, RequestAsync); a public client would bypass it.
    private readonly HttpClient _client;

    /// <summary>Creates the client and its connection pool.</summary>
    public HttpStepClient(HttpStepOptions? options = null)
    {
        _options = options ?? new HttpStepOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxConnectionsPerServer, 1);
        _guard = new TargetGuard(_options.AllowedHosts);
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = _options.MaxConnectionsPerServer,
            PooledConnectionLifetime = _options.PooledConnectionLifetime,
            UseCookies = false,
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        if (_options.HostAliases.Count > 0)
        {
            var aliases = new Dictionary<string, IPAddress>(_options.HostAliases, StringComparer.OrdinalIgnoreCase);
            handler.ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, aliases, ct);
        }

        _client = new HttpClient(handler, disposeHandler: true) { Timeout = _options.RequestTimeout };
    }

    /// <summary>A step that GETs <paramref name="uri"/>; the target is checked now, not at the first request.</summary>
    public Step GetStep(string name, Uri uri)
    {
        _guard.EnsureAllowed(uri);
        return Step.Create(name, ctx => GetAsync(uri, ctx.CancellationToken));
    }

    /// <summary>GETs <paramref name="uri"/> and maps the response.</summary>
    public ValueTask<StepResult> GetAsync(Uri uri, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken);

    /// <summary>
    /// Sends <paramref name="request"/> (disposed here), reads the whole body counting its bytes and
    /// maps it: status = HTTP code; "Timeout" on request timeout; the <see cref="HttpRequestError"/>
    /// name (e.g. "ConnectionError") on transport failure.
    /// </summary>
    /// <exception cref="ArgumentException">The target is not loopback and not allowed.</exception>
    public async ValueTask<StepResult> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using (request)
        {
            _guard.EnsureAllowed(request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request)));
            try
            {
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                var bytes = await DrainAsync(response.Content, cancellationToken).ConfigureAwait(false);
                var code = (int)response.StatusCode;
                return code < 400 || !_options.FailOnNonSuccessStatus
                    ? StepResult.Ok(code, bytes)
                    : StepResult.Fail(code, bytes, response.ReasonPhrase);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                return StepResult.Fail("Timeout", ex.Message);
            }
            catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.ProxyTunnelError)
            {
                // The target did not answer at all: say where we tried (user-info and query masked).
                return StepResult.Unreachable(ex.HttpRequestError.ToString(), $"{ex.Message} ({SafeUrl.Of(request.RequestUri)})");
            }
            catch (HttpRequestException ex)
            {
                return StepResult.Fail(ex.HttpRequestError.ToString(), ex.Message);
            }
        }
    }

    /// <summary>
    /// Sends <paramref name="request"/> on the shared pool, checked by the same guard, and returns the
    /// response itself (the caller disposes it): for set-up calls that read the body, such as a login.
    /// </summary>
    /// <exception cref="ArgumentException">The target is not loopback and not allowed.</exception>
    public Task<HttpResponseMessage> RequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _guard.EnsureAllowed(request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request)));
        return _client.SendAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint target, Dictionary<string, IPAddress> aliases, CancellationToken ct)
    {
        var endpoint = aliases.TryGetValue(target.Host, out var address) ? new IPEndPoint(address, target.Port) : (EndPoint)target;
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint, ct).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async ValueTask<long> DrainAsync(HttpContent content, CancellationToken ct)
    {
        var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            try
            {
                long total = 0;
                int read;
                while ((read = await stream.ReadAsync(buffer.AsMemory(), ct).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                return total;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
