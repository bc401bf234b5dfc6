namespace PerfTests.Containers.Faults;

/// <summary>A period during which one fault was active, as offsets from the start of measurement.</summary>
/// <param name="From">When the fault became active (never before zero).</param>
/// <param name="To">When it stopped; <see langword="null"/> when it was still active at the end.</param>
/// <param name="Fault">Description of the fault.</param>
public sealed record FaultWindow(TimeSpan From, TimeSpan? To, string Fault)
{
    /// <summary>
    /// Pairs each applied fault with its removal (or a clear) into a window measured from
    /// <paramref name="measuredStart"/> (e.g. the end of warm-up), so charts can shade it.
    /// </summary>
    public static IReadOnlyList<FaultWindow> Windows(FaultTimeline timeline, DateTimeOffset measuredStart)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var open = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var windows = new List<FaultWindow>();
        foreach (var entry in timeline.Entries)
        {
            switch (entry.Change)
            {
                case FaultChange.Applied:
                    open[entry.Fault] = entry.At;
                    break;
                case FaultChange.Removed when open.Remove(entry.Fault, out var from):
                    windows.Add(Window(from, entry.At, entry.Fault, measuredStart));
                    break;
                case FaultChange.Cleared:
                    windows.AddRange(open.Select(f => Window(f.Value, entry.At, f.Key, measuredStart)));
                    open.Clear();
                    break;
            }
        }

        windows.AddRange(open.Select(f => Window(f.Value, null, f.Key, measuredStart)));
        return windows;
    }

    private static FaultWindow Window(DateTimeOffset from, DateTimeOffset? to, string fault, DateTimeOffset start) =>
        new(Offset(from - start), to is { } end ? Offset(end - start) : null, fault);

    // A fault applied during warm-up counts from the first measured second.
    private static TimeSpan Offset(TimeSpan offset) => offset < TimeSpan.Zero ? TimeSpan.Zero : offset;
}
