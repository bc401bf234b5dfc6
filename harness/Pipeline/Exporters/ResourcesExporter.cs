using PerfTests.Exporters.Charts;

namespace PerfTests.Exporters;

/// <summary>
/// The sampled resources: a table of their statistics, the timeline as CSV, and one chart per group
/// ("resources: CPU", "memory", "pool usage and cache hit ratio", ...), a failed source shaded from where it failed.
/// </summary>
public sealed class ResourcesExporter : IExporter
{
    /// <inheritdoc />
    public string Name => "resources";

    /// <inheritdoc />
    public void Export(PerfResult result, ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        if (!context.IsRecording || result.Resources is not { } resources)
        {
            return;
        }

        context.Attach("resources", resources.ToString(), "text/plain", "txt");
        context.Try("resource timeline", () => context.Attach("resource timeline", resources.ToCsv(), "text/csv", "csv"));
        var series = resources.Series.Select(s => new NamedSeries(s.Key, [.. s.Value.Select(p => (p.Offset, p.Value))])).ToList();
        var marks = resources.Errors.Select(e => new TimelineMark(e.Offset, null, $"{e.Source} failed")).ToList();
        IReadOnlyList<ChartSpec> specs = [];
        context.Try("resource charts", () => specs = ResourceTimelineCharts.Build(series, resources.Interval, marks));
        foreach (var spec in specs)
        {
            context.Try($"{spec.Title} chart", () => context.Attach(spec.Title, SvgChartRenderer.Render(spec), "image/svg+xml", "svg"));
        }
    }
}
