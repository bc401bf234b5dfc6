using DotNet.Testcontainers.Containers;
using PerfTests.Failover.Postgres;

namespace PerfTests.Failover.Containers;

/// <summary>Crash and restart of any Testcontainers container, for drills on services other than the database pair.</summary>
public static class ContainerDrills
{
    /// <summary>SIGKILL through the Docker API (Testcontainers can only stop gracefully).</summary>
    /// <param name="container">A started container.</param>
    /// <param name="dockerEndpoint">Docker API endpoint; default DOCKER_HOST, else the default Docker socket.</param>
    /// <param name="cancellationToken">Cancels the API call.</param>
    public static async Task KillAsync(IContainer container, string? dockerEndpoint = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(container);
        using var killer = new ContainerKiller(dockerEndpoint);
        await killer.KillAsync(container.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts a killed container again (same container: same data directory, no persistence for Redis
    /// without AOF/RDB, so its cache comes back empty). Podman keeps the randomly assigned host port
    /// across restarts (checked here); a Docker engine may assign a new one, which a client
    /// configured with the old port would never find again.
    /// </summary>
    public static Task RestartAsync(IContainer container, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(container);
        return container.StartAsync(cancellationToken);
    }
}
