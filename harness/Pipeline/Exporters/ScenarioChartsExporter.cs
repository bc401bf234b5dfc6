using PerfTests.Exporters.Charts;

namespace PerfTests.Exporters;

/// <summary>
/// Per scenario of the charted run: latency per second (p50/p95/p99, the budget's fail limits dashed),
/// throughput and dropped iterations, errors, and the latency distribution; windows the run marked are shaded.
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
            context.Try($"{s.Name} latency chart", () => context.Attach($"{s.Name}: latency per second", SvgChartRenderer.Render(TimelineCharts.Latency(s, report, marks)), Svg, "svg"));
            context.Try($"{s.Name} throughput chart", () => context.Attach($"{s.Name}: throughput per second", SvgChartRenderer.Render(TimelineCharts.Throughput(s, marks)), Svg, "svg"));
            context.Try($"{s.Name} error chart", () => context.Attach($"{s.Name}: errors per second", SvgChartRenderer.Render(TimelineCharts.Errors(s, report, marks)), Svg, "svg"));
            context.Try($"{s.Name} distribution chart", () => context.Attach($"{s.Name}: latency distribution", SvgChartRenderer.Render(DistributionChart.Build(s, report)), Svg, "svg"));
        }
    }
}
