using System.Globalization;
using PerfTests.Suites.Infrastructure;
using PerfTests.Failover.Postgres;

namespace PerfTests.Suites.Failover;

/// <summary>
/// The sample portal on Kestrel over a replicated PostgreSQL pair (no Redis: the database drill
/// isolates the database). One per drill, because a drill destroys its primary.
/// </summary>
internal sealed class FailoverPortal : IAsyncDisposable
{
    /// <summary>Clients seeded on start: 100 groups to write new clients into.</summary>
    public const int SeededClients = 1_000;

    private FailoverPortal(ReplicatedPostgres database, ISystemUnderTest system)
    {
        Database = database;
        System = system;
    }

    /// <summary>The primary/standby pair.</summary>
    public ReplicatedPostgres Database { get; }

    /// <summary>The running portal.</summary>
    public ISystemUnderTest System { get; }

    /// <summary>Starts the pair, then the portal connected through the chosen reconnect behaviour.</summary>
    /// <param name="mode">Async or sync replication.</param>
    /// <param name="reconnect">How the portal finds the database after a failover.</param>
    /// <param name="cancellationToken">Cancels the start; whatever started is removed.</param>
    public static async Task<FailoverPortal> StartAsync(ReplicationMode mode, PortalReconnect reconnect, CancellationToken cancellationToken)
    {
        var database = await ReplicatedPostgres.StartAsync(ReplicatedPostgresOptions.FromSettings(mode), cancellationToken).ConfigureAwait(false);
        try
        {
            var connectionString = reconnect switch
            {
                PortalReconnect.MultiHost => database.FailoverConnectionString(hostRecheckSeconds: 2),
                PortalReconnect.PinnedToOldPrimary => database.PrimaryConnectionString,
                _ => throw new ArgumentOutOfRangeException(nameof(reconnect), reconnect, null),
            };
            var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
            {
                ["ConnectionStrings:Postgres"] = connectionString,
                ["SampleSystem:Database:SeedClientsOnStartup"] = SeededClients.ToString(CultureInfo.InvariantCulture),
                // Fail fast on an unreachable database instead of queueing for the default 15 s.
                ["SampleSystem:Database:ConnectionTimeoutSeconds"] = "5",
                // The drill fails hundreds of requests on purpose; the drill's counters report them, not the log.
                ["Logging:LogLevel:Default"] = "Critical",
            };
            var system = await PortalEnvironment.StartPortalAsync(settings, TimeSpan.FromSeconds(90), cancellationToken).ConfigureAwait(false);
            return new FailoverPortal(database, system);
        }
        catch
        {
            await database.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await System.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            await Database.DisposeAsync().ConfigureAwait(false);
        }
    }
}
