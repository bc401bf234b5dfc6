using PerfTests.Failover.Measurement;
using PerfTests.Failover.Postgres;
using PerfTests.Load.Results;

namespace PerfTests.Failover.Drills;

/// <summary>
/// Runs a database failover drill: baseline under load, failure (optional standby lag, then the
/// primary SIGKILLed), promotion of the standby, recovery under continuous load, validation of every
/// acknowledged write against the new primary.
/// </summary>
public static class DatabaseFailoverDrill
{
    /// <summary>Runs the drill.</summary>
    /// <param name="database">The primary/standby pair the system under test writes to.</param>
    /// <param name="plan">Phase lengths and the recovery criterion.</param>
    /// <param name="writes">Log the load fills with every acknowledged write.</param>
    /// <param name="runLoad">Starts the load for the given duration (the scenario's name is <paramref name="scenario"/>).</param>
    /// <param name="survivingKeys">Reads back, from the new primary, which of the given keys exist.</param>
    /// <param name="scenario">Scenario whose timeline decides recovery.</param>
    /// <param name="timeProvider">Clock of the timeline and the phase waits.</param>
    /// <param name="cancellationToken">Stops the drill; the load returns its partial result.</param>
    public static async Task<DatabaseDrillResult> RunAsync(
        ReplicatedPostgres database,
        DatabaseDrillPlan plan,
        AcknowledgedWriteLog writes,
        Func<TimeSpan, CancellationToken, Task<LoadRunResult>> runLoad,
        Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlySet<string>>> survivingKeys,
        string scenario,
        TimeProvider timeProvider,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(writes);
        ArgumentNullException.ThrowIfNull(runLoad);
        ArgumentNullException.ThrowIfNull(survivingKeys);
        var timeline = new DrillTimeline(timeProvider);
        timeline.Record(DrillPhase.Baseline, $"load started ({database.Mode} replication)");
        var load = runLoad(plan.TotalLoadDuration, cancellationToken);
        DateTimeOffset failureAt;
        try
        {
            await Task.Delay(plan.Baseline, timeProvider, cancellationToken).ConfigureAwait(false);
            if (plan.StandbyLag > TimeSpan.Zero)
            {
                await database.StopStandbyReceivingAsync(cancellationToken).ConfigureAwait(false);
                timeline.Record(DrillPhase.Failure, "standby cut off from the WAL stream (primary_conninfo cleared): it falls behind on purpose");
                await Task.Delay(plan.StandbyLag, timeProvider, cancellationToken).ConfigureAwait(false);
            }

            await database.KillPrimaryAsync(cancellationToken).ConfigureAwait(false);
            failureAt = timeline.Record(DrillPhase.Failure, "primary killed (SIGKILL)").At;
            await Task.Delay(plan.PromotionDelay, timeProvider, cancellationToken).ConfigureAwait(false);
            await database.PromoteStandbyAsync(cancellationToken).ConfigureAwait(false);
            timeline.Record(DrillPhase.Recovery, "standby promoted (pg_promote)");
        }
        finally
        {
            // Never leave the load running unobserved, whatever failed above.
            if (!load.IsCompleted)
            {
                await Task.WhenAny(load).ConfigureAwait(false);
            }
        }

        var run = await load.ConfigureAwait(false);
        timeline.Record(DrillPhase.Validation, "load stopped; checking every acknowledged write on the new primary");
        var acknowledged = writes.Snapshot();
        var found = await survivingKeys(acknowledged.Select(w => w.Key).ToList(), cancellationToken).ConfigureAwait(false);
        var failureOffset = failureAt - run.StartedAt;
        var scenarioResult = run[scenario];
        var recovery = RecoveryTime.Compute(scenarioResult.Timeline, failureOffset, plan.MaxErrorRate, plan.StableSeconds);
        var point = RecoveryPoint.Compute(acknowledged, found, failureAt);
        return new DatabaseDrillResult(timeline, run, failureOffset, recovery, point);
    }
}
