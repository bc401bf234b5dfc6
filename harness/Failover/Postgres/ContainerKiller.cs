using System.Net.Sockets;

namespace PerfTests.Failover.Postgres;

/// <summary>
/// Sends a signal to a container through the Docker Engine API (Docker or Podman's compatible
/// service). Testcontainers can stop (graceful: PostgreSQL's fast shutdown still ships its WAL to
/// the standby) but not kill, and a crash is what a failover drill needs.
/// </summary>
internal sealed class ContainerKiller : IDisposable
{
    private readonly HttpClient _http;

    internal ContainerKiller(string? endpoint)
    {
        endpoint ??= System.Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : "unix:///var/run/docker.sock";
        if (endpoint.StartsWith("unix://", StringComparison.Ordinal))
        {
            var socketPath = endpoint["unix://".Length..];
            var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (_, ct) =>
                {
                    var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    try
                    {
                        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct).ConfigureAwait(false);
                        return new NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                },
            };
            _http = new HttpClient(handler) { BaseAddress = new Uri("http://docker"), Timeout = TimeSpan.FromSeconds(30) };
        }
        else
        {
            _http = new HttpClient { BaseAddress = new Uri(endpoint.Replace("tcp://", "http://", StringComparison.Ordinal)), Timeout = TimeSpan.FromSeconds(30) };
        }
    }

    /// <summary>POST /containers/{id}/kill?signal=KILL: the processes die at once, nothing is flushed or shipped.</summary>
    internal async Task KillAsync(string containerId, CancellationToken cancellationToken)
    {
        var uri = new Uri($"/containers/{Uri.EscapeDataString(containerId)}/kill?signal=KILL", UriKind.Relative);
        using var response = await _http.PostAsync(uri, content: null, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new InvalidOperationException($"killing container {containerId} failed: {(int)response.StatusCode} {body}");
        }
    }

    public void Dispose() => _http.Dispose();
}
