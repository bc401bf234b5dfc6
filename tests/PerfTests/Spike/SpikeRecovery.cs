using PerfTests.Load.Results;

namespace PerfTests.Suites.Spike;

/// <summary>Time to recover after a burst, read from the steady scenario's per-second timeline.</summary>
internal static class SpikeRecovery
{
    /// <summary>
    /// Seconds from the end of the burst to the first second that starts a run of
    /// <see cref="SpikePlan.RecoveredSeconds"/> seconds whose p95 is within <see cref="SpikePlan.RecoveredP95"/>.
    /// When it never recovers, the whole after-period is returned (censored: at least that long).
    /// </summary>
    /// <param name="timeline">The steady scenario's timeline (second 1 = first measured second).</param>
    /// <param name="plan">The run's plan.</param>
    /// <param name="recovered">False when the system had not recovered by the end of the run.</param>
    public static TimeSpan Measure(IReadOnlyList<TimelinePoint> timeline, SpikePlan plan, out bool recovered)
    {
        var burstEnd = (int)Math.Round((plan.Before + plan.Burst).TotalSeconds);
        var limitUs = plan.RecoveredP95.TotalMilliseconds * 1000;
        var after = timeline.Where(p => p.Second > burstEnd).OrderBy(p => p.Second).ToList();
        for (var i = 0; i + plan.RecoveredSeconds <= after.Count; i++)
        {
            // A second with no finished requests is not evidence of recovery.
            if (after.Skip(i).Take(plan.RecoveredSeconds).All(p => p.P95Us is { } p95 && p95 <= limitUs && p.Failures == 0))
            {
                recovered = true;
                return TimeSpan.FromSeconds(after[i].Second - 1 - burstEnd);
            }
        }

        recovered = false;
        return plan.After;
    }
}
