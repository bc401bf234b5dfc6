using System.Globalization;
using PerfTests.Containers.Faults;

namespace PerfTests.Failover.Drills;

/// <summary>
/// A drill's timeline as windows to shade on the report's charts: the failure and recovery phases
/// as recorded, and the measured outage (failure until the RTO's recovery point, open-ended when
/// the system never recovered), so a reader sees the error burst inside the outage it belongs to.
/// </summary>
public static class DrillFaultWindows
{
    private const int MaxLabelLength = 48;

    /// <summary>Builds the windows.</summary>
    /// <param name="timeline">The drill's phases and actions.</param>
    /// <param name="origin">Start of the load's measured part (the charts' zero; the run's start without warm-up).</param>
    /// <param name="failureAt">The moment of the failure RTO is measured from (the kill).</param>
    /// <param name="rto">Failure to recovery; null when not recovered within the window.</param>
    public static IReadOnlyList<FaultWindow> From(DrillTimeline timeline, DateTimeOffset origin, DateTimeOffset failureAt, TimeSpan? rto)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var events = timeline.Events;
        var windows = new List<FaultWindow>();
        foreach (var phase in new[] { DrillPhase.Failure, DrillPhase.Recovery })
        {
            var inPhase = events.Where(e => e.Phase == phase).ToList();
            if (inPhase.Count == 0)
            {
                continue;
            }

            // A phase lasts until the first entry of any later phase (phases only move forward).
            var end = events.FirstOrDefault(e => e.Phase > phase)?.At;
            windows.Add(new FaultWindow(Offset(inPhase[0].At, origin), end is { } e ? Offset(e, origin) : null, Label(phase, inPhase[^1].Description)));
        }

        var outage = rto is { } r
            ? new FaultWindow(Offset(failureAt, origin), Offset(failureAt + r, origin), string.Create(CultureInfo.InvariantCulture, $"outage until recovered (RTO {r.TotalSeconds:F1} s)"))
            : new FaultWindow(Offset(failureAt, origin), null, "outage: not recovered");
        windows.Add(outage);
        return windows;
    }

    private static TimeSpan Offset(DateTimeOffset at, DateTimeOffset origin) => at > origin ? at - origin : TimeSpan.Zero;

    private static string Label(DrillPhase phase, string description)
    {
        var label = $"{phase.ToString().ToLowerInvariant()}: {description}";
        return label.Length <= MaxLabelLength ? label : label[..(MaxLabelLength - 1)] + "…";
    }
}
