namespace PerfTests.Failover.Postgres;

/// <summary>How the primary commits relative to the standby.</summary>
public enum ReplicationMode
{
    /// <summary>Commit is acknowledged once local (PostgreSQL's default): acknowledged writes can be lost on failover.</summary>
    Async,

    /// <summary>
    /// <c>synchronous_standby_names = '*'</c>, <c>synchronous_commit = on</c>: commit waits until the
    /// standby has flushed the WAL, so an acknowledged write survives the primary's death.
    /// </summary>
    Sync,
}
