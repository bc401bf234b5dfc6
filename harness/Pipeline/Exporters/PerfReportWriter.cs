using PerfTests.Budgets;
using PerfTests.Load.Results;
using PerfTests.Exporters.Charts;
using PerfTests.Exporters.Summary;
using PerfTests.Exporters.Tables;

namespace PerfTests.Exporters;

/// <summary>
/// Runs every performance exporter for one run, each on its own: a failing exporter is logged and
/// listed, and the others still run (house style 5). Reports never decide pass/fail.
/// </summary>
/// <param name="sink">Where attachments and metrics go.</param>
/// <param name="summaryPath">The markdown summary file, or null for none.</param>
/// <param name="log">Where exporter failures are reported.</param>
internal sealed class PerfReportWriter(IPerfSink sink, string? summaryPath, Action<string> log)
{
    private const string Svg = "image/svg+xml";

    public IReadOnlyList<string> Write(LoadRunResult run, BudgetReport? report, IReadOnlyList<TimelineMark> marks, string title)
    {
        ArgumentNullException.ThrowIfNull(run);
        var problems = new List<string>();
        if (sink.IsActive)
        {
            if (report is not null)
            {
                Try(problems, "budget table (html)", () => sink.Attach("budget table", BudgetTableHtml.Render(report), "text/html", "html"));
                Try(problems, "budget table (csv)", () => sink.Attach("budget table (csv)", BudgetTableCsv.Render(report), "text/csv", "csv"));
            }

            foreach (var s in run.Scenarios)
            {
                Try(problems, $"{s.Name} latency chart", () => sink.Attach($"{s.Name}: latency per second", SvgChartRenderer.Render(TimelineCharts.Latency(s, report, marks)), Svg, "svg"));
                Try(problems, $"{s.Name} throughput chart", () => sink.Attach($"{s.Name}: throughput per second", SvgChartRenderer.Render(TimelineCharts.Throughput(s, marks)), Svg, "svg"));
                Try(problems, $"{s.Name} error chart", () => sink.Attach($"{s.Name}: errors per second", SvgChartRenderer.Render(TimelineCharts.Errors(s, report, marks)), Svg, "svg"));
                Try(problems, $"{s.Name} distribution chart", () => sink.Attach($"{s.Name}: latency distribution", SvgChartRenderer.Render(DistributionChart.Build(s, report)), Svg, "svg"));
                Try(problems, $"{s.Name} timeline csv", () => sink.Attach($"{s.Name}: timeline (csv)", TimelineCsv.Render(s), "text/csv", "csv"));
                Try(problems, $"{s.Name} histogram log", () => sink.Attach($"{s.Name}: histogram log", HistogramLogText.Render(run.StartedAt, s), "text/plain", "hlog"));
                Try(problems, $"{s.Name} metrics", () => PerfMetrics.Record(new ExportContext(sink, log), s));
            }
        }

        if (summaryPath is not null)
        {
            Try(problems, "markdown summary", () => SummaryFile.Append(summaryPath, MarkdownSummary.Render(title, run, report)));
        }

        return problems;
    }

    /// <summary>Attaches one resource timeline chart per group ("resources: CPU", ...); a failing chart never stops the others.</summary>
    public IReadOnlyList<string> WriteResources(IReadOnlyList<NamedSeries> series, TimeSpan interval, IReadOnlyList<TimelineMark> marks)
    {
        var problems = new List<string>();
        if (!sink.IsActive)
        {
            return problems;
        }

        IReadOnlyList<ChartSpec> specs = [];
        Try(problems, "resource charts", () => specs = ResourceTimelineCharts.Build(series, interval, marks));
        foreach (var spec in specs)
        {
            Try(problems, $"{spec.Title} chart", () => sink.Attach(spec.Title, SvgChartRenderer.Render(spec), Svg, "svg"));
        }

        return problems;
    }

    private void Try(List<string> problems, string exporter, Action export)
    {
        try
        {
            export();
        }
#pragma warning disable CA1031 // One failing exporter must never stop the others or fail the test.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var problem = $"{exporter}: {ex.GetType().Name}: {ex.Message}";
            problems.Add(problem);
            log($"perf report: exporter failed: {problem}");
        }
    }
}
