using PerfTests.Containers.Runtime;

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
}
