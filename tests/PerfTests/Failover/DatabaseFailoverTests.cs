using PerfTests.Failover.Drills;
using PerfTests.Failover.Postgres;
using PerfTests;
using PerfTests.Reporting.NUnit;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Failover;

/// <summary>
/// Seed 000's database failover drill, measured: the portal writes uniquely numbered clients at a
/// constant rate while the PostgreSQL primary is SIGKILLed and the streaming standby promoted.
/// RTO comes from the per-second success rate, RPO from checking every acknowledged write.
/// </summary>
[TestFixture]
[Category(PerfCategories.Failover)]
[Epic("Performance")]
[Feature("Failover")]
public sealed class DatabaseFailoverTests
{
    /// <summary>Nightly lengths; the PR profile scales them (DurationScale 0.1: 6 s and 30 s).</summary>
    private static readonly TimeSpan Baseline = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan RecoveryWindow = TimeSpan.FromSeconds(300);

    /// <summary>Standby cut off from the WAL stream this long before the kill: ~60 writes at 20/s. Not scaled.</summary>
    private static readonly TimeSpan StandbyLag = TimeSpan.FromSeconds(3);

    [Test]
    [CancelAfter(600_000)]
    [Story("Sync replication: the standby takes over within RTO and no acknowledged write is lost, even with a lagging standby")]
    public async Task SyncReplication_PrimaryKilledWhileStandbyLags_MeetsFailoverBudget(CancellationToken cancellationToken)
    {
        var (drill, measurements) = await DatabaseDrillRunner.RunAsync(ReplicationMode.Sync, PortalReconnect.MultiHost, Plan(StandbyLag), cancellationToken);

        Assert.That(drill.RecoveryPoint.AcknowledgedCount, Is.GreaterThan(0), "the drill must have seen acknowledged writes to judge RPO");
        DatabaseDrillRunner.Judge(drill, measurements);
    }

    [Test]
    [CancelAfter(600_000)]
    [Story("Async replication: acknowledged writes the standby never received are lost, and listed by id")]
    public async Task AsyncReplication_PrimaryKilledWhileStandbyLags_ListsLostAcknowledgedWrites(CancellationToken cancellationToken)
    {
        var (drill, measurements) = await DatabaseDrillRunner.RunAsync(ReplicationMode.Async, PortalReconnect.MultiHost, Plan(StandbyLag), cancellationToken);

        var report = DatabaseDrillRunner.Evaluate(drill, measurements);

        Assert.Multiple(() =>
        {
            Assert.That(drill.RecoveryPoint.LostCount, Is.GreaterThan(0), "writes acknowledged while the standby was cut off must be missing after promotion");
            Assert.That(drill.RecoveryPoint.Describe(), Does.Match(@"lost \d+ of \d+ acknowledged writes .*#\d+ \(id \d+\)"));
            Assert.That(report.Failures.Select(f => f.Metric.Name), Does.Contain("metric(rpo_records)"), "the RPO budget must catch the loss");
            Assert.That(drill.Recovery.Recovered, Is.True, "with the multi-host connection string the portal still recovers");
        });
    }

    [Test]
    [CancelAfter(600_000)]
    [Story("A portal that cannot follow the promotion (pinned to the old primary) fails the RTO budget")]
    public async Task BrokenReconnect_PortalPinnedToOldPrimary_FailsRtoBudget(CancellationToken cancellationToken)
    {
        var (drill, measurements) = await DatabaseDrillRunner.RunAsync(ReplicationMode.Async, PortalReconnect.PinnedToOldPrimary, Plan(TimeSpan.Zero), cancellationToken);

        var report = DatabaseDrillRunner.Evaluate(drill, measurements);

        Assert.Multiple(() =>
        {
            Assert.That(drill.Recovery.Recovered, Is.False, "every write after the kill goes to the dead primary");
            Assert.That(report.Failures.Select(f => f.Metric.Name), Does.Contain("metric(rto)"), "the RTO budget must catch the broken reconnect");
        });
    }

    private static DatabaseDrillPlan Plan(TimeSpan standbyLag) => new()
    {
        Baseline = PerfRunSettings.Current.Scale(Baseline),
        Recovery = PerfRunSettings.Current.Scale(RecoveryWindow),
        StandbyLag = standbyLag,
        PromotionDelay = TimeSpan.FromSeconds(2),
    };
}
