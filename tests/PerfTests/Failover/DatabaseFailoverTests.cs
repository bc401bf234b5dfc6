using PerfTests.Failover.Drills;
using PerfTests.Failover.Postgres;

namespace PerfTests.Suites.Failover;

/// <summary>
/// Seed 000's database failover drill, measured: the portal writes uniquely numbered clients at a
/// constant rate while the PostgreSQL primary is SIGKILLed and the streaming standby promoted.
/// RTO comes from the per-second success rate, RPO from checking every acknowledged write.
/// </summary>
[PerfSuite(PerfCategories.Failover)]
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
        await using var portal = await StartAsync(ReplicationMode.Sync, PortalReconnect.MultiHost, cancellationToken);
        var drill = new DatabaseDrill(portal, Plan(StandbyLag));

        await Drill(portal, drill, ReplicationMode.Sync, PortalReconnect.MultiHost).RunAsync(cancellationToken);
    }

    [Test]
    [CancelAfter(600_000)]
    [Story("Async replication: acknowledged writes the standby never received are lost, and listed by id")]
    public async Task AsyncReplication_PrimaryKilledWhileStandbyLags_ListsLostAcknowledgedWrites(CancellationToken cancellationToken)
    {
        await using var portal = await StartAsync(ReplicationMode.Async, PortalReconnect.MultiHost, cancellationToken);
        var drill = new DatabaseDrill(portal, Plan(StandbyLag));

        var result = await Drill(portal, drill, ReplicationMode.Async, PortalReconnect.MultiHost).EvaluateAsync(cancellationToken);

        var measured = drill.Result!;
        Assert.Multiple(() =>
        {
            Assert.That(measured.RecoveryPoint.LostCount, Is.GreaterThan(0), "writes acknowledged while the standby was cut off must be missing after promotion");
            Assert.That(measured.RecoveryPoint.Describe(), Does.Match(@"lost \d+ of \d+ acknowledged writes .*#\d+ \(id \d+\)"));
            Assert.That(result.Budget!.Failures.Select(f => f.Metric.Name), Does.Contain("metric(rpo_records)"), "the RPO budget must catch the loss");
            Assert.That(measured.Recovery.Recovered, Is.True, "with the multi-host connection string the portal still recovers");
        });
    }

    [Test]
    [CancelAfter(600_000)]
    [Story("A portal that cannot follow the promotion (pinned to the old primary) fails the RTO budget")]
    public async Task BrokenReconnect_PortalPinnedToOldPrimary_FailsRtoBudget(CancellationToken cancellationToken)
    {
        await using var portal = await StartAsync(ReplicationMode.Async, PortalReconnect.PinnedToOldPrimary, cancellationToken);
        var drill = new DatabaseDrill(portal, Plan(TimeSpan.Zero));

        var result = await Drill(portal, drill, ReplicationMode.Async, PortalReconnect.PinnedToOldPrimary).EvaluateAsync(cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(drill.Result!.Recovery.Recovered, Is.False, "every write after the kill goes to the dead primary");
            Assert.That(result.Budget!.Failures.Select(f => f.Metric.Name), Does.Contain("metric(rto)"), "the RTO budget must catch the broken reconnect");
        });
    }

    private static async Task<FailoverPortal> StartAsync(ReplicationMode mode, PortalReconnect reconnect, CancellationToken cancellationToken)
    {
        if (PerfSettings.Current.TargetUrl is not null)
        {
            Assert.Ignore("Failover drills kill their own database containers; they do not run against an external TargetUrl.");
        }

        return await FailoverPortal.StartAsync(mode, reconnect, cancellationToken);
    }

    private static PerfTest Drill(FailoverPortal portal, DatabaseDrill drill, ReplicationMode mode, PortalReconnect reconnect) =>
        PerfTest.Create("failover-database")
            .Target(portal.System)
            .Parameter("replication", mode)
            .Parameter("reconnect", reconnect)
            .Parameter("baseline", drill.Plan.Baseline)
            .Parameter("recovery window", drill.Plan.Recovery)
            .Parameter("standby lag", drill.Plan.StandbyLag)
            // The plan's phases are scaled by Plan: the drill's load lasts exactly their sum.
            .Unscaled()
            .Run(drill);

    private static DatabaseDrillPlan Plan(TimeSpan standbyLag) => new()
    {
        Baseline = PerfSettings.Current.Scale(Baseline),
        Recovery = PerfSettings.Current.Scale(RecoveryWindow),
        StandbyLag = standbyLag,
        PromotionDelay = TimeSpan.FromSeconds(2),
    };
}
