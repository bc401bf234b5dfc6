namespace PerfTests.Containers.Runtime;

/// <summary>Checks that a Docker-compatible API answers before any container is requested.</summary>
internal static class ContainerRuntimeProbe
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Throws <see cref="ContainerRuntimeUnavailableException"/> when the resolved endpoint does not answer.</summary>
    internal static async Task<string> EnsureAvailableAsync(Func<string, string?> readVariable, CancellationToken ct)
    {
        var endpoint = DockerEndpoint.Resolve(readVariable, System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile));
        if (endpoint.StartsWith("unix://", StringComparison.Ordinal) && !File.Exists(endpoint["unix://".Length..]))
        {
            throw new ContainerRuntimeUnavailableException(endpoint, "socket file does not exist");
        }

        using var client = new DockerApiClient(endpoint, ProbeTimeout);
        try
        {
            await client.PingAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or InvalidOperationException
                                  && !ct.IsCancellationRequested)
        {
            throw new ContainerRuntimeUnavailableException(endpoint, e.Message);
        }

        return endpoint;
    }
}
