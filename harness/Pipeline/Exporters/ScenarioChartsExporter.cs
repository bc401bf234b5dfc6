using PerfTests.Load.SteadyState;
using PerfTests.Exporters.Charts;
using PerfTests.Load.Results;

namespace PerfTests.Exporters;

/// <summary>
/// Per scenario of the charted run: latency per second (p50/p95/p99, the budget's fail limits dashed),
/// throughput and dropped iterations, errors, and the latency distribution; windows the run marked are shaded,
/// and the latency chart shades the start-up transient MSER-5 cut (or says the series never got steady).
/// </summary>
public sealed class ScenarioChartsExporter : IExporter
{
    private const string Svg = "image/svg+xml";

    /// <inheritdoc />
    public string Name => "scenario charts";

    /// <inheritdoc />
    public void Export(PerfResult result, ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        if (!context.IsRecording || result.Run is not { } run)
        {
            return;
        }

        var report = result.Budget;
        var marks = result.Marks;
        foreach (var s in run.Scenarios)
        {
            IReadOnlyList<TimelineMark> latencyMarks = SteadyMark(s) is { } steady ? [.. marks, steady] : marks;
            context.Try($"{s.Name} latency chart", () => context.Attach($"{s.Name}: latency per second", SvgChartRenderer.Render(TimelineCharts.Latency(s, report, latencyMarks)), Svg, "svg"));
            context.Try($"{s.Name} throughput chart", () => context.Attach($"{s.Name}: throughput per second", SvgChartRenderer.Render(TimelineCharts.Throughput(s, marks)), Svg, "svg"));
            context.Try($"{s.Name} error chart", () => context.Attach($"{s.Name}: errors per second", SvgChartRenderer.Render(TimelineCharts.Errors(s, report, marks)), Svg, "svg"));
            context.Try($"{s.Name} distribution chart", () => context.Attach($"{s.Name}: latency distribution", SvgChartRenderer.Render(DistributionChart.Build(s, report)), Svg, "svg"));
        }
    }

    /// <summary>The seconds before the MSER-5 truncation point, or the whole series when it never settled; null when steady from the start.</summary>
    internal static TimelineMark? SteadyMark(ScenarioResult scenario)
    {
        var steady = Mser.DetectPerSecondP95(scenario);
        return steady switch
        {
            { Points: 0 } => null,
            { IsSteady: false } => new TimelineMark(TimeSpan.Zero, TimeSpan.FromSeconds(steady.Points), $"never steady (MSER-5, {steady.Points} s judged)"),
            { TruncateAt: > 0 } => new TimelineMark(TimeSpan.Zero, TimeSpan.FromSeconds(steady.TruncateAt), $"transient: steady from {steady.TruncateAt} s (MSER-5)"),
            _ => null,
        };
    }
}
