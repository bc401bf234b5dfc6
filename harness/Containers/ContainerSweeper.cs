using PerfTests.Containers.Runtime;
using PerfTests.Resources;

namespace PerfTests.Containers;

/// <summary>Removes every container labelled with a session id: the no-orphans guarantee of disposal.</summary>
internal static class ContainerSweeper
{
    internal static async Task<int> RemoveSessionAsync(string endpoint, string sessionId, CancellationToken ct)
    {
        using var client = new DockerApiClient(endpoint, TimeSpan.FromSeconds(30));
        var ids = await client.ListContainerIdsAsync(ContainerFactory.SessionLabel, sessionId, ct).ConfigureAwait(false);
        foreach (var id in ids)
        {
            await client.RemoveContainerAsync(id, ct).ConfigureAwait(false);
        }

        return ids.Count;
    }

    /// <summary>
    /// Removes the containers of sessions whose owner process is gone (<see cref="RunOwner.IsGone"/>):
    /// what a host killed mid-run (SIGKILL, an OOM kill) left behind. Never touches a live session's.
    /// </summary>
    internal static async Task<int> RemoveOrphansAsync(string endpoint, CancellationToken ct)
    {
        using var client = new DockerApiClient(endpoint, TimeSpan.FromSeconds(30));
        var orphans = (await client.ListLabelledAsync(ContainerFactory.SessionLabel, ct).ConfigureAwait(false))
            .Where(c => RunOwner.IsGone(c.Labels)).ToList();
        foreach (var (id, _) in orphans)
        {
            await client.RemoveContainerAsync(id, ct).ConfigureAwait(false);
        }

        return orphans.Count;
    }
}
