using Docker.DotNet;
using Docker.DotNet.Models;

namespace PerfTests.Containers.Runtime;

/// <summary>
/// The few Docker Engine API calls the harness makes itself (ping, list by label, remove, kill), through
/// Docker.DotNet (the client Testcontainers uses) on the same endpoint. Works against Docker and
/// Podman's compatible service.
/// </summary>
internal sealed class DockerApiClient : IDisposable
{
    private readonly DockerClient _client;

    internal DockerApiClient(string endpoint, TimeSpan timeout)
    {
        Endpoint = endpoint;
        _client = new DockerClientBuilder().WithEndpoint(new Uri(endpoint)).WithTimeout(timeout).Build();
    }

    internal string Endpoint { get; }

    /// <summary>Succeeds when the engine answers its ping.</summary>
    internal Task PingAsync(CancellationToken ct) => _client.System.PingAsync(ct);

    /// <summary>Ids of all containers (running or not) carrying label <paramref name="key"/>=<paramref name="value"/>.</summary>
    internal async Task<IReadOnlyList<string>> ListContainerIdsAsync(string key, string value, CancellationToken ct) =>
        [.. (await ListAsync($"{key}={value}", ct).ConfigureAwait(false)).Select(c => c.ID)];

    /// <summary>All containers (running or not) that carry label <paramref name="key"/>, with their labels.</summary>
    internal async Task<IReadOnlyList<(string Id, IDictionary<string, string> Labels)>> ListLabelledAsync(string key, CancellationToken ct) =>
        [.. (await ListAsync(key, ct).ConfigureAwait(false)).Select(c => (c.ID, c.Labels ?? new Dictionary<string, string>()))];

    /// <summary>The host addresses a container's published ports listen on (e.g. "127.0.0.1").</summary>
    internal async Task<IReadOnlyList<string>> PublishedHostAddressesAsync(string id, CancellationToken ct)
    {
        var container = await _client.Containers.InspectContainerAsync(id, ct).ConfigureAwait(false);
        return [.. (container.NetworkSettings?.Ports ?? new Dictionary<string, IList<PortBinding>>()).Values
            .Where(b => b is not null).SelectMany(b => b).Select(b => b.HostIP ?? "")];
    }

    /// <summary>Force-removes a container (and its anonymous volumes); a missing container is fine.</summary>
    internal async Task RemoveContainerAsync(string id, CancellationToken ct)
    {
        try
        {
            await _client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, ct).ConfigureAwait(false);
        }
        catch (DockerContainerNotFoundException)
        {
            // Already gone: what removal wanted.
        }
    }

    /// <summary>Sends <paramref name="signal"/> to the container's processes at once (KILL: nothing is flushed).</summary>
    internal Task KillContainerAsync(string id, string signal, CancellationToken ct) =>
        _client.Containers.KillContainerAsync(id, new ContainerKillParameters { Signal = signal }, ct);

    public void Dispose() => _client.Dispose();

    private Task<IList<ContainerListResponse>> ListAsync(string labelFilter, CancellationToken ct) =>
        _client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [labelFilter] = true } },
        }, ct);
}
