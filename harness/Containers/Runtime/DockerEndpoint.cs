namespace PerfTests.Containers.Runtime;

/// <summary>Where Testcontainers will look for the Docker API, resolved the same way it does.</summary>
internal static class DockerEndpoint
{
    internal const string DefaultUnixSocket = "unix:///var/run/docker.sock";

    /// <summary>DOCKER_HOST, else docker.host in ~/.testcontainers.properties, else the default socket.</summary>
    internal static string Resolve(Func<string, string?> readVariable, string? userHome)
    {
        var fromVariable = readVariable("DOCKER_HOST");
        if (!string.IsNullOrWhiteSpace(fromVariable))
        {
            return fromVariable.Trim();
        }

        var properties = userHome is null ? null : Path.Combine(userHome, ".testcontainers.properties");
        if (properties is not null && File.Exists(properties))
        {
            foreach (var line in File.ReadLines(properties))
            {
                var trimmed = line.Trim();
                if (trimmed.StartsWith("docker.host", StringComparison.Ordinal) && trimmed.Contains('=', StringComparison.Ordinal))
                {
                    return trimmed[(trimmed.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim();
                }
            }
        }

        return DefaultUnixSocket;
    }
}
