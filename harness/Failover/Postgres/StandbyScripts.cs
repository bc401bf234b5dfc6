namespace PerfTests.Failover.Postgres;

/// <summary>Shell the standby container runs instead of initdb: clone the primary, then start as a hot standby.</summary>
internal static class StandbyScripts
{
    internal const string PrimaryAlias = "pg-primary";

    // pg_basebackup -R writes standby.signal and primary_conninfo (with the password from PGPASSWORD);
    // the image's entrypoint then skips initdb (PG_VERSION exists), fixes ownership and starts postgres.
    // -X stream ships the WAL written during the copy, so the clone is consistent without wal_keep_size.
    internal static string CloneAndStart(string user) => $"""
        set -e
        until pg_isready -q -h {PrimaryAlias} -p 5432; do sleep 0.5; done
        PGPASSWORD="$POSTGRES_PASSWORD" pg_basebackup -h {PrimaryAlias} -p 5432 -U {user} -D "$PGDATA" -R -X stream -c fast
        exec docker-entrypoint.sh postgres -c hot_standby=on
        """;
}
