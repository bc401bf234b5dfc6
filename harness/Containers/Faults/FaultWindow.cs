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
    public static IReadOnlyList<FaultWindow> Windows(FaultTimeline timeline, DateTimeOffset measuredStart) =>
        [.. Periods(timeline).Select(p => new FaultWindow(Offset(p.From - measuredStart), p.To is { } end ? Offset(end - measuredStart) : null, p.Fault))];

    /// <summary>Each applied fault with its removal (or a clear) in clock time; To is null when it was still active at the end.</summary>
    public static IReadOnlyList<(DateTimeOffset From, DateTimeOffset? To, string Fault)> Periods(FaultTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var open = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var periods = new List<(DateTimeOffset, DateTimeOffset?, string)>();
        foreach (var entry in timeline.Entries)
        {
            switch (entry.Change)
            {
                case FaultChange.Applied:
                    open[entry.Fault] = entry.At;
                    break;
                case FaultChange.Removed when open.Remove(entry.Fault, out var from):
                    periods.Add((from, entry.At, entry.Fault));
                    break;
                case FaultChange.Cleared:
                    periods.AddRange(open.Select(f => (f.Value, (DateTimeOffset?)entry.At, f.Key)));
                    open.Clear();
                    break;
            }
        }

        periods.AddRange(open.Select(f => (f.Value, (DateTimeOffset?)null, f.Key)));
        return periods;
    }

    // A fault applied during warm-up counts from the first measured second.
    private static TimeSpan Offset(TimeSpan offset) => offset < TimeSpan.Zero ? TimeSpan.Zero : offset;
}
