using PerfTests.Failover.Measurement;
using PerfTests.Load.Results;

namespace PerfTests.Failover.Drills;

/// <summary>What a database failover drill measured.</summary>
/// <param name="Timeline">Phases and actions with their times.</param>
/// <param name="Load">The engine's result for the whole run (per-second timeline included).</param>
/// <param name="FailureOffset">When the primary was killed, after the load's start.</param>
/// <param name="Recovery">RTO, error burst and latency around the failover.</param>
/// <param name="RecoveryPoint">Acknowledged writes lost (RPO in records and seconds).</param>
public sealed record DatabaseDrillResult(
    DrillTimeline Timeline,
    LoadRunResult Load,
    TimeSpan FailureOffset,
    RecoveryTime Recovery,
    RecoveryPoint RecoveryPoint)
{
    /// <summary>When the primary was killed (the origin of RTO).</summary>
    public DateTimeOffset FailureAt => Load.StartedAt + FailureOffset;

    /// <summary>The recovery point (failure + RTO); null when not recovered.</summary>
    public DateTimeOffset? RecoveredAt => Recovery.Rto is { } rto ? FailureAt + rto : null;

    /// <summary>The drill's phases and measured outage as windows for the report's charts.</summary>
    public IReadOnlyList<PerfTests.Containers.Faults.FaultWindow> FaultWindows() =>
        DrillFaultWindows.From(Timeline, Load.StartedAt, FailureAt, Recovery.Rto);

    /// <summary>Multi-line summary for logs and reports.</summary>
    public string Describe()
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var rto = Recovery.Rto is { } r
            ? string.Create(inv, $"RTO {r.TotalSeconds:F1} s")
            : string.Create(inv, $"NOT RECOVERED within {Recovery.ObservedAfterFailure.TotalSeconds:F1} s after the failure");
        return string.Join(System.Environment.NewLine,
            Timeline.Format(Load.StartedAt),
            rto,
            string.Create(inv, $"error burst: {Recovery.FailuresDuringOutage} of {Recovery.RequestsDuringOutage} requests failed during the outage; max p95/s {Recovery.MaxP95DuringOutageMs:F0} ms"),
            string.Create(inv, $"after recovery: {Recovery.FailuresAfterRecovery} of {Recovery.RequestsAfterRecovery} failed; max p95/s {Recovery.MaxP95AfterRecoveryMs:F0} ms"),
            "RPO: " + RecoveryPoint.Describe());
    }
}
