using PerfTests.Containers.Runtime;

namespace PerfTests.Failover.Postgres;

/// <summary>
/// Sends SIGKILL to a container through the Docker Engine API (Docker or Podman's compatible
/// service). Testcontainers can stop (graceful: PostgreSQL's fast shutdown still ships its WAL to
/// the standby) but not kill, and a crash is what a failover drill needs.
/// </summary>
internal sealed class ContainerKiller : IDisposable
{
    private readonly DockerApiClient _docker;

    /// <param name="endpoint">Docker API endpoint; null resolves it the way Testcontainers does (DOCKER_HOST first).</param>
    internal ContainerKiller(string? endpoint) =>
        _docker = new DockerApiClient(
            endpoint ?? DockerEndpoint.Resolve(System.Environment.GetEnvironmentVariable, System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile)),
            TimeSpan.FromSeconds(30));

    /// <summary>The container's processes die at once: nothing is flushed or shipped.</summary>
    internal Task KillAsync(string containerId, CancellationToken cancellationToken) =>
        _docker.KillContainerAsync(containerId, "KILL", cancellationToken);

    public void Dispose() => _docker.Dispose();
}
