using PerfTests.Exporters;
using PerfTests.Load.Results;

namespace PerfTests;

/// <summary>A window a workload marked, in clock time or as offsets from the measured start; placed on the charts at the end.</summary>
internal sealed record RunMark(DateTimeOffset? FromAt, TimeSpan? FromOffset, DateTimeOffset? ToAt, TimeSpan? ToOffset, string Label, bool IsFault)
{
    /// <summary>The window on the charts of <paramref name="run"/> (zero = its first measured second).</summary>
    public TimelineMark On(LoadRunResult run)
    {
        // Timelines start after the warm-up; clock times are placed relative to that.
        var origin = run.StartedAt + (run.Scenarios.Count == 0 ? TimeSpan.Zero : run.Scenarios.Max(s => s.WarmUp));
        var from = FromOffset ?? Positive(FromAt!.Value - origin);
        var to = ToOffset ?? (ToAt is { } end ? Positive(end - origin) : null);
        return new TimelineMark(from, to, Label);
    }

    private static TimeSpan Positive(TimeSpan offset) => offset < TimeSpan.Zero ? TimeSpan.Zero : offset;
}
