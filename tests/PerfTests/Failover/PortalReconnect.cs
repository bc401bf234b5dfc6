namespace PerfTests.Suites.Failover;

/// <summary>How the portal's connection string lets it find the database after a failover.</summary>
internal enum PortalReconnect
{
    /// <summary>Both hosts, Target Session Attributes=read-write: follows the promotion (the correct set-up).</summary>
    MultiHost,

    /// <summary>Only the original primary: the deliberately broken reconnect the RTO budget must catch.</summary>
    PinnedToOldPrimary,
}
