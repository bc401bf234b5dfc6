namespace PerfTests.Failover.Processes;

/// <summary>How to start an ASP.NET Core application as a separate OS process (<see cref="AppProcess"/>).</summary>
public sealed class AppProcessOptions
{
    /// <summary>The application's built entry assembly (<c>.dll</c>), started with <c>dotnet &lt;dll&gt;</c>.</summary>
    public required string AssemblyPath { get; init; }

    /// <summary>
    /// Configuration, by key (<c>ConnectionStrings:Postgres</c>), passed as environment variables
    /// (<c>ConnectionStrings__Postgres</c>), so secrets never appear on the command line.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Path polled until it answers 2xx: readiness. Default <c>/metrics</c> (no dependencies).</summary>
    public string ReadinessPath { get; init; } = "/metrics";

    /// <summary>How long the process may take to answer <see cref="ReadinessPath"/>. Default 90 s (start-up seeding included).</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>The <c>dotnet</c> executable: default the SDK's (<c>DOTNET_HOST_PATH</c>), else <c>dotnet</c> on the PATH.</summary>
    public string DotnetHost { get; init; } = System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
