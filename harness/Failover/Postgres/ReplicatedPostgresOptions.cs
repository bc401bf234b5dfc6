using PerfTests.Containers;

namespace PerfTests.Failover.Postgres;

/// <summary>Settings of a primary + streaming-replication standby pair.</summary>
public sealed class ReplicatedPostgresOptions
{
    /// <summary>Image for both servers; must follow the official postgres image's contract. Default <c>postgres:16-alpine</c>.</summary>
    public string Image { get; set; } = "postgres:16-alpine";

    /// <summary>Database name. Default "perf".</summary>
    public string Database { get; set; } = "perf";

    /// <summary>User (also used for replication). Default "perf".</summary>
    public string User { get; set; } = "perf";

    /// <summary>Password. Default "perf".</summary>
    public string Password { get; set; } = "perf";

    /// <summary>Async (default) or sync replication.</summary>
    public ReplicationMode Mode { get; set; } = ReplicationMode.Async;

    /// <summary>Start of both containers, including the standby's base backup. Default 2 minutes.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Docker API endpoint for the kill; default DOCKER_HOST, else the default Docker socket.</summary>
    public string? DockerEndpoint { get; set; }

    /// <summary>Labels put on both containers (e.g. the suite's session id, for sweeping).</summary>
    public IDictionary<string, string> Labels { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The PostgreSQL image of the run's settings (<see cref="EnvironmentOptions.FromSettings"/>), with <paramref name="mode"/>.</summary>
    public static ReplicatedPostgresOptions FromSettings(ReplicationMode mode, PerfSettings? settings = null) => new()
    {
        Image = EnvironmentOptions.FromSettings(settings).PostgresImage,
        Mode = mode,
    };
}
