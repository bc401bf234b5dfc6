namespace PerfTests.Containers;

/// <summary>How <see cref="PerfEnvironment"/> obtains its dependencies.</summary>
public enum EnvironmentMode
{
    /// <summary>Starts PostgreSQL and Redis containers and a local downstream stub (default).</summary>
    Containers,

    /// <summary>Uses connection strings and URLs of an existing (shared staging) environment; starts nothing.</summary>
    External,
}
