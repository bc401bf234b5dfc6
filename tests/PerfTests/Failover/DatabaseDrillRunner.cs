using PerfTests.Load.Results;
using System.Globalization;
using PerfTests.Budgets;
using PerfTests.Failover.Drills;
using PerfTests.Failover.Measurement;
using PerfTests.Failover.Postgres;
using PerfTests.Load.Running;
using PerfTests;
using PerfTests.Reporting.Context;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Failover;

/// <summary>Runs one database drill against a fresh portal + replicated pair and turns it into budget measurements.</summary>
internal static class DatabaseDrillRunner
{
    /// <summary>Scenario (and budget scope) of the drill's writes.</summary>
    public const string Scenario = "db-writes";

    /// <summary>Writes offered per second (open model, so a stall shows as latency, not as fewer requests).</summary>
    public const double WritesPerSecond = 20;

    /// <summary>Budget file of the drill.</summary>
    public const string Suite = "failover-database";

    public static async Task<(DatabaseDrillResult Drill, LoadRunMeasurements Measurements)> RunAsync(
        ReplicationMode mode, PortalReconnect reconnect, DatabaseDrillPlan plan, CancellationToken cancellationToken)
    {
        if (PerfRunSettings.Current.TargetUrl is not null)
        {
            Assert.Ignore("Failover drills kill their own database containers; they do not run against an external TargetUrl.");
        }

        AllureContext.Parameter("replication", mode);
        AllureContext.Parameter("reconnect", reconnect);
        AllureContext.Parameter("baseline", plan.Baseline);
        AllureContext.Parameter("recovery window", plan.Recovery);
        AllureContext.Parameter("standby lag", plan.StandbyLag);

        await using var portal = await AllureContext.StepAsync("start replicated PostgreSQL + portal", () =>
            FailoverPortal.StartAsync(mode, reconnect, cancellationToken)).ConfigureAwait(false);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var log = new AcknowledgedWriteLog(TimeProvider.System);
        var started = new StartedRequestLog(TimeProvider.System);
        var writes = new DrillWrites(http, portal.System.BaseAddress, log, started, Guid.NewGuid().ToString("N")[..8]);

        var drill = await AllureContext.StepAsync("drill: baseline -> kill primary -> promote -> recovery -> validation", () =>
            DatabaseFailoverDrill.RunAsync(
                portal.Database,
                plan,
                log,
                (duration, ct) => LoadRunner.RunAsync(
                    PerfTests.Scenario.Create(Scenario, writes.Create())
                        .WithLoadSimulations(LoadSimulation.ConstantRate(WritesPerSecond, duration))
                        .WithCapacity(maxWorkers: 400),
                    new LoadRunnerOptions { ProgressWriter = TestContext.Progress },
                    ct),
                (keys, ct) => AcknowledgedKeyReader.ExistingAsync(portal.Database.StandbyConnectionString, DrillWrites.Table, DrillWrites.KeyColumn, keys, ct),
                Scenario,
                TimeProvider.System,
                cancellationToken)).ConfigureAwait(false);

        // Every write that started between the kill and the recovery point, at least 10 s (to the end when not recovered).
        var duringFailover = started.ComputeDuringFailover(drill.FailureAt, drill.RecoveredAt);
        var summary = drill.Describe() + System.Environment.NewLine + "latency of the writes started during the failover: " + duringFailover.Describe();
        TestContext.Out.WriteLine(summary);
        TestContext.Out.WriteLine(drill.Load.ToString());
        AllureContext.Attach("drill timeline and results", summary, "text/plain", "txt");
        AllureContext.Attach("per-second timeline", TimelineCsv(drill), "text/csv", "csv");
        return (drill, Measurements(drill, duringFailover));
    }

    /// <summary>The drill's numbers as custom metrics of the write scenario (ms for times, fractions for rates).</summary>
    public static LoadRunMeasurements Measurements(DatabaseDrillResult drill, WindowLatency duringFailover)
    {
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
        var measurements = new LoadRunMeasurements(drill.Load);
        foreach (var (name, value, unit) in metrics)
        {
            measurements.WithMetric(Scenario, name, value);
            if (double.IsFinite(value))
            {
                AllureContext.Metric(name, value, unit);
            }
        }

        return measurements;
    }

    /// <summary>Judges the drill: charts with the outage shaded, then the budget assertion.</summary>
    public static void Judge(DatabaseDrillResult drill, LoadRunMeasurements measurements) =>
        SuiteRun.Judge(drill.Load, measurements, Suite, drill.FaultWindows());

    /// <summary>Evaluates and reports budgets/failover-database.yaml without failing the test (for drills that must show a breach).</summary>
    public static BudgetReport Evaluate(DatabaseDrillResult drill, LoadRunMeasurements measurements)
    {
        var report = SuiteRun.Report(drill.Load, measurements, Suite, drill.FaultWindows());
        TestContext.Out.WriteLine(BudgetReportFormatter.Table(report));
        return report;
    }

    private static string TimelineCsv(DatabaseDrillResult drill)
    {
        var lines = new List<string> { "second,phase,requests,failures,p95_ms" };
        lines.AddRange(drill.Load[Scenario].Timeline.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"{p.Second},{drill.Timeline.PhaseAt(drill.Load.StartedAt + TimeSpan.FromSeconds(p.Second - 1))},{p.Requests},{p.Failures},{(p.P95Us is { } us ? (us / 1000).ToString("F1", CultureInfo.InvariantCulture) : string.Empty)}")));
        return string.Join('\n', lines);
    }
}
