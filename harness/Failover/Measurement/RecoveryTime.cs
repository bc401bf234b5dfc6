using PerfTests.Load.Results;

namespace PerfTests.Failover.Measurement;

/// <summary>
/// Recovery time of a drill, measured from the load's per-second timeline: RTO is the time from
/// the failure until the first second that starts a run of <c>stableSeconds</c> seconds, each with
/// traffic and an error rate within the budget. Requests count in the second they finished, so a
/// request that hangs through the outage and then fails still counts against recovery.
/// </summary>
/// <param name="Recovered">False when the success rate never came back within the observed window.</param>
/// <param name="Rto">Failure to recovery; null when not recovered.</param>
/// <param name="ObservedAfterFailure">How long the timeline ran after the failure (the best RTO could be seen as).</param>
/// <param name="RequestsDuringOutage">Requests finished from the failure to the recovery (or the end).</param>
/// <param name="FailuresDuringOutage">Of those, failed: the error burst.</param>
/// <param name="MaxP95DuringOutageMs">Highest per-second p95 (ms) in the outage; null without samples.</param>
/// <param name="RequestsAfterRecovery">Requests finished after the recovery point.</param>
/// <param name="FailuresAfterRecovery">Of those, failed.</param>
/// <param name="MaxP95AfterRecoveryMs">Highest per-second p95 (ms) after recovery; null without samples.</param>
public sealed record RecoveryTime(
    bool Recovered,
    TimeSpan? Rto,
    TimeSpan ObservedAfterFailure,
    long RequestsDuringOutage,
    long FailuresDuringOutage,
    double? MaxP95DuringOutageMs,
    long RequestsAfterRecovery,
    long FailuresAfterRecovery,
    double? MaxP95AfterRecoveryMs)
{
    /// <summary>Failed / all requests after recovery; NaN when there were none.</summary>
    public double ErrorRateAfterRecovery => RequestsAfterRecovery == 0 ? double.NaN : (double)FailuresAfterRecovery / RequestsAfterRecovery;

    /// <summary>Failed / all requests during the outage; NaN when there were none.</summary>
    public double ErrorRateDuringOutage => RequestsDuringOutage == 0 ? double.NaN : (double)FailuresDuringOutage / RequestsDuringOutage;

    /// <summary>Measures recovery on <paramref name="timeline"/>.</summary>
    /// <param name="timeline">Per-second points; second k covers [k-1, k) seconds after the run's start.</param>
    /// <param name="failureOffset">When the failure happened, after the run's start.</param>
    /// <param name="maxErrorRate">Highest error rate (0..1) a second may have to count as recovered (seed 000: 2%).</param>
    /// <param name="stableSeconds">Consecutive healthy seconds required (default 3), so one lucky second is not recovery.</param>
    public static RecoveryTime Compute(IReadOnlyList<TimelinePoint> timeline, TimeSpan failureOffset, double maxErrorRate, int stableSeconds = 3)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentOutOfRangeException.ThrowIfNegative(maxErrorRate);
        ArgumentOutOfRangeException.ThrowIfLessThan(stableSeconds, 1);
        var bySecond = timeline.ToDictionary(p => p.Second);
        var last = timeline.Count == 0 ? 0 : timeline.Max(p => p.Second);

        // Only seconds that start at or after the failure can show recovery.
        var first = (int)Math.Ceiling(failureOffset.TotalSeconds) + 1;
        int? recoveredSecond = null;
        for (var k = first; k + stableSeconds - 1 <= last; k++)
        {
            if (Enumerable.Range(k, stableSeconds).All(s => Healthy(bySecond.GetValueOrDefault(s), maxErrorRate)))
            {
                recoveredSecond = k;
                break;
            }
        }

        var outage = timeline.Where(p => p.Second >= first && (recoveredSecond is null || p.Second < recoveredSecond)).ToList();
        var after = recoveredSecond is { } r ? timeline.Where(p => p.Second >= r).ToList() : [];
        var observed = TimeSpan.FromSeconds(last) - failureOffset;
        return new RecoveryTime(
            recoveredSecond is not null,
            recoveredSecond is { } rs ? Max(TimeSpan.FromSeconds(rs - 1) - failureOffset, TimeSpan.Zero) : null,
            Max(observed, TimeSpan.Zero),
            outage.Sum(p => p.Requests),
            outage.Sum(p => p.Failures),
            MaxP95Ms(outage),
            after.Sum(p => p.Requests),
            after.Sum(p => p.Failures),
            MaxP95Ms(after));
    }

    private static bool Healthy(TimelinePoint? point, double maxErrorRate) =>
        point is { Requests: > 0 } p && (double)p.Failures / p.Requests <= maxErrorRate;

    private static double? MaxP95Ms(List<TimelinePoint> points) =>
        points.Where(p => p.P95Us is not null).Select(p => p.P95Us!.Value / 1000.0).DefaultIfEmpty().Max() is var m && points.Any(p => p.P95Us is not null) ? m : null;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
