using System.Globalization;
using PerfTests.Containers.Faults;
using PerfTests.Failover.Drills;
using PerfTests.Failover.Measurement;
using PerfTests.Failover.Postgres;

namespace PerfTests.Suites.Failover;

/// <summary>
/// One database drill as a workload: uniquely numbered writes at a constant rate while the primary is
/// SIGKILLed and the standby promoted; RTO from the per-second success rate, RPO from reading back every
/// acknowledged write. Its figures become metrics of the write scenario (ms for times, fractions for rates).
/// </summary>
/// <param name="portal">The portal over its replicated pair (one per drill: a drill destroys its primary).</param>
/// <param name="plan">Phase lengths, already final (the test runs unscaled).</param>
internal sealed class DatabaseDrill(FailoverPortal portal, DatabaseDrillPlan plan) : IWorkload
{
    /// <summary>Scenario (and budget scope) of the drill's writes.</summary>
    public const string Scenario = "db-writes";

    /// <summary>Writes offered per second (open model, so a stall shows as latency, not as fewer requests).</summary>
    public const double WritesPerSecond = 20;

    /// <summary>The drill's phases.</summary>
    public DatabaseDrillPlan Plan { get; } = plan;

    /// <summary>What the drill measured, once run.</summary>
    public DatabaseDrillResult? Result { get; private set; }

    public async Task RunAsync(PerfRunContext context)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var log = new AcknowledgedWriteLog(TimeProvider.System);
        var started = new StartedRequestLog(TimeProvider.System);
        var writes = new DrillWrites(http, portal.System.BaseAddress, log, started, Guid.NewGuid().ToString("N")[..8]);

        var drill = Result = await context.StepAsync("drill: baseline -> kill primary -> promote -> recovery -> validation", () =>
            DatabaseFailoverDrill.RunAsync(
                portal.Database,
                Plan,
                log,
                (duration, stop) => context.RunUnrecordedAsync(
                    [PerfTests.Scenario.Create(Scenario, writes.Create())
                        .WithLoadSimulations(LoadSimulation.ConstantRate(WritesPerSecond, duration))
                        .WithCapacity(maxWorkers: 400)],
                    "write load", progress: true, stop),
                (keys, ct) => AcknowledgedKeyReader.ExistingAsync(portal.Database.StandbyConnectionString, DrillWrites.Table, DrillWrites.KeyColumn, keys, ct),
                Scenario,
                TimeProvider.System,
                context.CancellationToken));

        context.AddRun(drill.Load);
        context.Expect(drill.RecoveryPoint.AcknowledgedCount > 0, "the drill must have seen acknowledged writes to judge RPO");
        context.Faults(drill.FaultWindows());
        // Every write that started between the kill and the recovery point, at least 10 s (to the end when not recovered).
        var duringFailover = started.ComputeDuringFailover(drill.FailureAt, drill.RecoveredAt);
        context.Note("drill timeline and results", drill.Describe() + System.Environment.NewLine + "latency of the writes started during the failover: " + duringFailover.Describe());
        context.Attach("per-second timeline", TimelineCsv(drill), "text/csv", "csv");
        var r = drill.Recovery;
        var metrics = new (string Name, double Value, string Unit)[]
        {
            // Not recovered within the window reads as infinite: it fails any finite RTO budget.
            ("rto", r.Rto?.TotalMilliseconds ?? double.PositiveInfinity, "ms"),
            ("rpo_records", drill.RecoveryPoint.LostCount, "records"),
            ("rpo", drill.RecoveryPoint.LossWindow.TotalMilliseconds, "ms"),
            ("error_rate_after_recovery", r.ErrorRateAfterRecovery, "fraction"),
            ("error_burst", r.FailuresDuringOutage, "requests"),
            ("max_p95_during_outage", r.MaxP95DuringOutageMs ?? double.NaN, "ms"),
            // NaN below 20 requests: the budget reads it as not enough data, never as a pass.
            ("p95_during_failover", duringFailover.P95Ms, "ms"),
            ("max_p95_after_recovery", r.MaxP95AfterRecoveryMs ?? double.NaN, "ms"),
        };
        foreach (var (name, value, unit) in metrics)
        {
            context.Metric(Scenario, name, value);
            context.Trend(name, value, unit);
        }
    }

    private static string TimelineCsv(DatabaseDrillResult drill)
    {
        var lines = new List<string> { "second,phase,requests,failures,p95_ms" };
        lines.AddRange(drill.Load[Scenario].Timeline.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"{p.Second},{drill.Timeline.PhaseAt(drill.Load.StartedAt + TimeSpan.FromSeconds(p.Second - 1))},{p.Requests},{p.Failures},{(p.P95Us is { } us ? (us / 1000).ToString("F1", CultureInfo.InvariantCulture) : string.Empty)}")));
        return string.Join('\n', lines);
    }
}
