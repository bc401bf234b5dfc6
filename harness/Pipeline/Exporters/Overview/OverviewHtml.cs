using System.Globalization;
using System.Net;
using System.Text;
using PerfTests.Budgets;
using PerfTests.Exporters.Charts;
using PerfTests.Exporters.Tables;
using PerfTests.Gates;
using PerfTests.Load.Results;

namespace PerfTests.Exporters.Overview;

/// <summary>
/// The page a reader opens first: the verdict, each gate, what broke and why (breaches, bottleneck
/// hint), the headline numbers, and the key charts inline (latency of the scenarios that broke first,
/// CPU). Self-contained HTML: inline CSS and SVG, no scripts (Allure's iframe runs none).
/// </summary>
internal static class OverviewHtml
{
    /// <summary>Latency charts shown at most; the rest are in the detail attachments.</summary>
    public const int MaxLatencyCharts = 4;

    private const string Css =
        "body{font-family:sans-serif;font-size:13px;margin:8px;color:#222}" +
        "h2{margin:0 0 4px 0;font-size:17px}h3{margin:14px 0 6px 0;font-size:14px}" +
        "p{margin:4px 0}table{border-collapse:collapse;margin:2px 0}" +
        "th,td{border:1px solid #ccc;padding:3px 8px;text-align:left}th{background:#f2f2f2}td.num{text-align:right}" +
        ".failed{color:#9b0000}.warned{color:#8a5a00}.passed{color:#1e6b1e}.muted{color:#666}" +
        "tr.failed td{background:#fdeaea}tr.warned td{background:#fff6e5}" +
        "svg{max-width:100%;height:auto;display:block;margin:4px 0}";

    public static string Render(PerfResult result)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>overview</title><style>").Append(Css).Append("</style></head>\n<body>\n");
        Verdict(html, result);
        Gates(html, result);
        Breaches(html, result);
        Figures(html, result);
        if (result.Run is { } run)
        {
            Scenarios(html, run);
            LatencyCharts(html, result, run);
        }

        ResourceChart(html, result);
        return html.Append("<p class=\"muted\">Details follow: the budget table, every chart, timelines (csv), histogram logs, resources.</p>\n</body></html>\n").ToString();
    }

    private static void Verdict(StringBuilder html, PerfResult result)
    {
        var (css, word) = result.Verdict switch
        {
            PerfVerdict.Failed => ("failed", "FAILED"),
            PerfVerdict.Warned => ("warned", "PASSED with warnings"),
            _ => ("passed", "PASSED"),
        };
        html.Append("<h2 class=\"").Append(css).Append("\">").Append(word).Append(": ").Append(E(result.Test.Name)).Append("</h2>\n<p class=\"muted\">")
            .Append(E(result.Test.FullName)).Append(" &middot; duration scale ")
            .Append(result.Settings.DurationScale.ToString("0.###", CultureInfo.InvariantCulture))
            .Append(" &middot; budget overlay ").Append(E(result.Settings.BudgetOverlay));
        if (result.Run is { } run)
        {
            html.Append(CultureInfo.InvariantCulture, $" &middot; run of {run.Duration.TotalSeconds:0.#} s at {run.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC")
                .Append(run.IsCancelled ? " <b class=\"failed\">(cancelled: partial results)</b>" : "");
        }

        html.Append("</p>\n");
    }

    private static void Gates(StringBuilder html, PerfResult result)
    {
        html.Append("<table><tr><th>gate</th><th>verdict</th><th>what it judged</th></tr>\n");
        foreach (var gate in result.Gates)
        {
            var css = gate.Verdict switch
            {
                GateVerdict.Failed => "failed",
                GateVerdict.Warned or GateVerdict.Reported => "warned",
                _ => "",
            };
            html.Append("<tr class=\"").Append(css).Append("\"><td>").Append(E(gate.Gate)).Append("</td><td>")
                .Append(E(gate.Verdict.ToString().ToLowerInvariant())).Append("</td><td>").Append(E(gate.Summary)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        if (result.BottleneckHint is { } hint)
        {
            html.Append("<p><b>Bottleneck hint:</b> ").Append(E(hint)).Append("</p>\n");
        }
    }

    private static void Breaches(StringBuilder html, PerfResult result)
    {
        if (result.Budget is not { } report)
        {
            return;
        }

        var rows = BudgetTableRow.Of(report).Where(r => r.Verdict is BudgetVerdict.Fail or BudgetVerdict.Warn).ToList();
        if (rows.Count == 0)
        {
            html.Append("<p class=\"passed\">All ").Append(report.Conclusions.Count).Append(" budget metrics within their limits.</p>\n");
            return;
        }

        html.Append("<h3>Past their limits</h3>\n<table><tr><th>scope</th><th>metric</th><th>actual</th><th>warn</th><th>fail</th><th>verdict</th><th>samples</th></tr>\n");
        foreach (var row in rows.OrderByDescending(r => r.Verdict))
        {
            html.Append("<tr class=\"").Append(row.Verdict == BudgetVerdict.Fail ? "failed" : "warned").Append("\">")
                .Append(Cell(row.Scope)).Append(Cell(row.Metric)).Append(Num(row.Actual)).Append(Num(row.Warn)).Append(Num(row.Fail))
                .Append(Cell(row.VerdictText)).Append(Num(row.Samples)).Append("</tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Figures(StringBuilder html, PerfResult result)
    {
        var figures = result.Metrics.SelectMany(scope => scope.Value.Select(m => (Scope: scope.Key, Name: m.Key, m.Value))).ToList();
        if (figures.Count == 0)
        {
            return;
        }

        html.Append("<h3>Figures of the run</h3>\n<table><tr><th>scope</th><th>metric</th><th>value</th></tr>\n");
        foreach (var (scope, name, value) in figures)
        {
            var text = double.IsNaN(value) ? "not measured" : double.IsInfinity(value) ? "never (not within the run)" : value.ToString("0.###", CultureInfo.InvariantCulture);
            html.Append("<tr>").Append(Cell(scope)).Append(Cell($"metric({name})")).Append(Num(text)).Append("</tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Scenarios(StringBuilder html, LoadRunResult run)
    {
        var c = CultureInfo.InvariantCulture;
        html.Append("<h3>Scenarios</h3>\n<table><tr><th>scenario</th><th>requests</th><th>req/s</th><th>p50</th><th>p95</th><th>p99</th><th>errors</th><th>dropped</th></tr>\n");
        foreach (var s in run.Scenarios)
        {
            var errors = s.RequestCount == 0 ? "n/a" : (100.0 * s.FailCount / s.RequestCount).ToString("0.##", c) + "%";
            html.Append("<tr>").Append(Cell(s.Name)).Append(Num(s.RequestCount.ToString(c))).Append(Num(s.RequestsPerSecond.ToString("0.#", c)))
                .Append(Num(Ms(s.Latency.P50))).Append(Num(Ms(s.Latency.P95))).Append(Num(Ms(s.Latency.P99)))
                .Append(Num(errors)).Append(Num(s.DroppedCount.ToString(c))).Append("</tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void LatencyCharts(StringBuilder html, PerfResult result, LoadRunResult run)
    {
        // The scenarios a reader came for first: those with a failed, then a warned budget line.
        var worst = result.Budget?.Conclusions.Where(c => c.Verdict is BudgetVerdict.Fail or BudgetVerdict.Warn)
            .GroupBy(c => c.Scope).ToDictionary(g => g.Key, g => g.Max(c => c.Verdict)) ?? [];
        var shown = run.Scenarios
            .OrderByDescending(s => worst.GetValueOrDefault(s.Name))
            .Take(MaxLatencyCharts)
            .ToList();
        html.Append("<h3>Latency per second</h3>\n");
        foreach (var scenario in shown)
        {
            html.Append(Inline(SvgChartRenderer.Render(TimelineCharts.Latency(scenario, result.Budget, result.Marks))));
        }

        if (run.Scenarios.Count > shown.Count)
        {
            html.Append("<p class=\"muted\">").Append(run.Scenarios.Count - shown.Count).Append(" more scenario(s): see their charts below.</p>\n");
        }
    }

    private static void ResourceChart(StringBuilder html, PerfResult result)
    {
        if (result.Resources is not { } resources)
        {
            return;
        }

        var series = resources.Series.Select(s => new NamedSeries(s.Key, [.. s.Value.Select(p => (p.Offset, p.Value))])).ToList();
        var cpu = ResourceTimelineCharts.Build(series, resources.Interval, []).FirstOrDefault(c => c.Title == "resources: CPU");
        if (cpu is not null)
        {
            html.Append("<h3>CPU</h3>\n").Append(Inline(SvgChartRenderer.Render(cpu)));
        }
    }

    private static string Ms(PercentileValue value)
    {
        var needed = (long)Math.Ceiling(100 / (100 - value.Percentile));
        return value.ValueUs is { } us && value.SampleCount >= needed
            ? (us / 1000).ToString("0.##", CultureInfo.InvariantCulture) + " ms"
            : "not enough data";
    }

    private static string Inline(string svg) => svg + "\n";

    private static string Cell(string text) => "<td>" + E(text) + "</td>";

    private static string Num(string text) => "<td class=\"num\">" + E(text) + "</td>";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
