namespace PerfTests.Containers.Faults;

/// <summary>Puts the faults a run injected into its report: shaded on every chart, and the run counted as one with faults.</summary>
public static class FaultMarks
{
    /// <summary>Every fault <paramref name="timeline"/> recorded (as applied and removed, in clock time).</summary>
    public static void Faults(this PerfRunContext context, FaultTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (from, to, fault) in FaultWindow.Periods(timeline))
        {
            context.Fault(from, to, fault);
        }
    }

    /// <summary>Windows given as offsets from the start of the measured load (a drill's phases).</summary>
    public static void Faults(this PerfRunContext context, IEnumerable<FaultWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(windows);
        foreach (var window in windows)
        {
            context.Fault(window.From, window.To, window.Fault);
        }
    }
}
