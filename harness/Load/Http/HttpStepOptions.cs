namespace PerfTests.Load.Http;

/// <summary>Settings of <see cref="HttpStepClient"/> (one shared connection pool per client).</summary>
public sealed class HttpStepOptions
{
    /// <summary>Connections per server (k6/wrk "connections"). Default 100.</summary>
    public int MaxConnectionsPerServer { get; set; } = 100;

    /// <summary>How long a pooled connection lives before it is replaced (re-balances DNS/LB). Default 5 min.</summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Per-request timeout; a timeout is a failure with status "Timeout". Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether a non-2xx/3xx response is a failed step. Default true.</summary>
    public bool FailOnNonSuccessStatus { get; set; } = true;

    /// <summary>
    /// Hosts other than loopback that may receive load, named explicitly (opt-in). Default empty:
    /// only 127.0.0.0/8, ::1 and localhost are allowed.
    /// </summary>
    public ICollection<string> AllowedHosts { get; } = new List<string>();

    /// <summary>Host names connected to the given address instead of looking them up (tests of named hosts without DNS).</summary>
    internal Dictionary<string, System.Net.IPAddress> HostAliases { get; } = new(StringComparer.OrdinalIgnoreCase);
}
