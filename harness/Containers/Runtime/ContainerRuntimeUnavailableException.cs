namespace PerfTests.Containers.Runtime;

/// <summary>
/// No Docker-compatible container runtime answers. Raised before Testcontainers is touched, so the
/// message says what to do instead of a socket stack trace.
/// </summary>
public sealed class ContainerRuntimeUnavailableException : InvalidOperationException
{
    /// <summary>Creates the exception for the endpoint that did not answer.</summary>
    public ContainerRuntimeUnavailableException(string endpoint, string reason)
        : base(BuildMessage(endpoint, reason))
    {
        Endpoint = endpoint;
    }

    /// <summary>The Docker API endpoint that was probed (e.g. unix:///run/podman/podman.sock).</summary>
    public string Endpoint { get; }

    private static string BuildMessage(string endpoint, string reason) =>
        $"No container runtime answers at {endpoint} ({reason}). " +
        "On Debian without Docker run, from the PerfTests repository root as root, `scripts/setup-containers.sh`: " +
        "it starts Podman's Docker API and writes ~/.testcontainers.properties (docker.host, ryuk.disabled, host.override) " +
        "and ~/.perftests.properties (PostgresImage, RedisImage). DOCKER_HOST or docker.host there names another runtime. " +
        "With Docker installed, start the Docker engine. " +
        "To use an existing environment instead, set PERF_ENVIRONMENT=external with PERF_POSTGRES_CONNECTION, " +
        "PERF_REDIS_CONNECTION and PERF_DOWNSTREAM_URL.";
}
