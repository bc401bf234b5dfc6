using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace PerfTests.Containers.Runtime;

/// <summary>
/// The few Docker Engine API calls the harness needs itself (ping, list/remove by label), over the
/// same endpoint Testcontainers uses. Works against Docker and Podman's compatible service.
/// </summary>
internal sealed class DockerApiClient : IDisposable
{
    private readonly HttpClient _http;

    internal DockerApiClient(string endpoint, TimeSpan timeout)
    {
        Endpoint = endpoint;
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
            _http = new HttpClient(handler) { BaseAddress = new Uri("http://docker"), Timeout = timeout };
        }
        else
        {
            var uri = new Uri(endpoint.Replace("tcp://", "http://", StringComparison.Ordinal));
            _http = new HttpClient { BaseAddress = uri, Timeout = timeout };
        }
    }

    internal string Endpoint { get; }

    /// <summary>True when GET /_ping answers "OK".</summary>
    internal async Task PingAsync(CancellationToken ct)
    {
        var body = await _http.GetStringAsync(new Uri("/_ping", UriKind.Relative), ct).ConfigureAwait(false);
        if (!body.Trim().Equals("OK", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"/_ping answered '{body}'");
        }
    }

    /// <summary>Ids of all containers (running or not) carrying label <paramref name="key"/>=<paramref name="value"/>.</summary>
    internal async Task<IReadOnlyList<string>> ListContainerIdsAsync(string key, string value, CancellationToken ct)
    {
        var filters = JsonSerializer.Serialize(new Dictionary<string, string[]> { ["label"] = [$"{key}={value}"] });
        var uri = new Uri($"/containers/json?all=true&filters={Uri.EscapeDataString(filters)}", UriKind.Relative);
        var items = await _http.GetFromJsonAsync<List<JsonElement>>(uri, ct).ConfigureAwait(false) ?? [];
        return items.Select(i => i.GetProperty("Id").GetString()!).ToList();
    }

    /// <summary>Force-removes a container (and its anonymous volumes); a missing container is fine.</summary>
    internal async Task RemoveContainerAsync(string id, CancellationToken ct)
    {
        var uri = new Uri($"/containers/{Uri.EscapeDataString(id)}?force=true&v=true", UriKind.Relative);
        using var response = await _http.DeleteAsync(uri, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode && response.StatusCode != System.Net.HttpStatusCode.NotFound)
        {
            throw new InvalidOperationException($"removing container {id} failed: {(int)response.StatusCode}");
        }
    }

    /// <summary>POST /containers/{id}/kill?signal=...: the processes get the signal at once (KILL: nothing is flushed).</summary>
    internal async Task KillContainerAsync(string id, string signal, CancellationToken ct)
    {
        var uri = new Uri($"/containers/{Uri.EscapeDataString(id)}/kill?signal={Uri.EscapeDataString(signal)}", UriKind.Relative);
        using var response = await _http.PostAsync(uri, content: null, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            throw new InvalidOperationException($"killing container {id} failed: {(int)response.StatusCode} {body}");
        }
    }

    public void Dispose() => _http.Dispose();
}
