namespace PerfTests.Failover.Drills;

/// <summary>
/// Shape of a database failover drill. The load runs for <see cref="TotalLoadDuration"/>: baseline,
/// then the failure (optional standby lag, then SIGKILL of the primary), a promotion delay, and the
/// recovery phase under continuous load.
/// </summary>
public sealed class DatabaseDrillPlan
{
    /// <summary>Steady load before the failure. Default 60 s (nightly; the PR profile scales it).</summary>
    public TimeSpan Baseline { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long the standby is cut off from the WAL stream before the primary is killed; zero (default)
    /// leaves replication alone. With async replication, writes acknowledged in this window exist only
    /// on the primary, which is how the drill provokes data loss on purpose.
    /// </summary>
    public TimeSpan StandbyLag { get; set; } = TimeSpan.Zero;

    /// <summary>Time from the kill until the standby is promoted: a failover manager's detection and decision. Default 2 s.</summary>
    public TimeSpan PromotionDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Load after the promotion, in which recovery must show. Default 300 s (seed 000's database RTO).</summary>
    public TimeSpan Recovery { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>Highest error rate (0..1) of a second counted as recovered. Default 0.02 (seed 000: error &lt;= 2%).</summary>
    public double MaxErrorRate { get; set; } = 0.02;

    /// <summary>Consecutive healthy seconds that make a recovery. Default 3.</summary>
    public int StableSeconds { get; set; } = 3;

    /// <summary>Length the load must run for.</summary>
    public TimeSpan TotalLoadDuration => Baseline + StandbyLag + PromotionDelay + Recovery;
}
