using System.Globalization;
using PerfTests.Budgets;
using PerfTests.Exporters.Charts;
using PerfTests.Exporters.Tables;
using PerfTests.Gates;
using PerfTests.Load.Results;

namespace PerfTests.Exporters.Overview;

/// <summary>
/// The page a reader opens first: the verdict, each gate, what broke and why (breaches, bottleneck
/// hint), the run's own figures, the headline numbers per scenario, and the key chart (latency of the
/// scenario that broke first; CPU too when CPU was saturated), drawn as one self-contained SVG. Kept
/// short: Allure fits an image into about 720 px of height, so a longer page would shrink its text.
/// </summary>
internal static class OverviewSvg
{
    /// <summary>Latency charts shown at most; the rest are in the detail attachments.</summary>
    public const int MaxLatencyCharts = 1;

    /// <summary>Breached or warned budget lines listed at most.</summary>
    public const int MaxBreaches = 10;

    private const int Width = 780;

    public static string Render(PerfResult result)
    {
        var page = new SvgPage(Width);
        Verdict(page, result);
        Gates(page, result);
        Breaches(page, result);
        Figures(page, result);
        if (result.Run is { } run)
        {
            Scenarios(page, run);
            LatencyCharts(page, result, run);
        }

        CpuChart(page, result);
        page.Text("Details follow: the budget table, every chart, timelines (csv), histogram logs, resources.", SvgPage.Muted);
        return page.Render($"overview: {result.Test.FullName}");
    }

    private static void Verdict(SvgPage page, PerfResult result)
    {
        var (color, word) = result.Verdict switch
        {
            PerfVerdict.Failed => (SvgPage.Failed, "FAILED"),
            PerfVerdict.Warned => (SvgPage.Warned, "PASSED with warnings"),
            _ => (SvgPage.Passed, "PASSED"),
        };
        page.Heading($"{word}: {result.Test.Name}", color);
        var run = result.Run is { } r
            ? string.Create(CultureInfo.InvariantCulture, $" · run of {r.Duration.TotalSeconds:0.#} s at {r.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC{(r.IsCancelled ? " (CANCELLED: partial results)" : r.IsAborted ? " (ABORTED early: see the verdict)" : "")}")
            : "";
        page.Text(string.Create(CultureInfo.InvariantCulture,
            $"{result.Test.FullName} · duration scale {result.Settings.DurationScale:0.###} · budget overlay {result.Settings.BudgetOverlay}{run}"), SvgPage.Muted);
    }

    private static void Gates(SvgPage page, PerfResult result)
    {
        var rows = result.Gates.Select(g => (new[] { g.Gate, g.Verdict.ToString().ToLowerInvariant(), g.Summary }, Background(g.Verdict))).ToList();
        page.Table(["gate", "verdict", "what it judged"], rows);
        if (result.BottleneckHint is { } hint)
        {
            page.Text("Bottleneck hint: " + hint, SvgPage.Warned);
        }

        foreach (var problem in result.ReportProblems)
        {
            page.Text("Report problem: " + problem, SvgPage.Failed);
        }
    }

    private static void Breaches(SvgPage page, PerfResult result)
    {
        if (result.Budget is not { } report)
        {
            return;
        }

        var rows = BudgetTableRow.Of(report).Where(r => r.Verdict is BudgetVerdict.Fail or BudgetVerdict.Warn).OrderByDescending(r => r.Verdict).ToList();
        if (rows.Count == 0)
        {
            page.Text($"All {report.Conclusions.Count} budget metrics within their limits.", SvgPage.Passed);
            return;
        }

        page.Text("Past their limits", bold: true);
        page.Table(
            ["scope", "metric", "actual", "warn", "fail", "verdict"],
            [.. rows.Take(MaxBreaches).Select(r => (new[] { r.Scope, r.Metric, r.Actual, r.Warn, r.Fail, r.VerdictText }, (string?)(r.Verdict == BudgetVerdict.Fail ? "#fdeaea" : "#fff6e5")))]);
        if (rows.Count > MaxBreaches)
        {
            page.Text($"{rows.Count - MaxBreaches} more: see the budget table.", SvgPage.Muted);
        }
    }

    private static void Figures(SvgPage page, PerfResult result)
    {
        var rows = result.Metrics.SelectMany(scope => scope.Value.Select(m => (new[] { scope.Key, $"metric({m.Key})", Figure(m.Value) }, (string?)null))).ToList();
        if (rows.Count > 0)
        {
            page.Text("Figures of the run", bold: true);
            page.Table(["scope", "metric", "value"], rows);
        }
    }

    private static void Scenarios(SvgPage page, LoadRunResult run)
    {
        var c = CultureInfo.InvariantCulture;
        page.Text("Scenarios", bold: true);
        page.Table(
            ["scenario", "requests", "req/s", "p50", "p95", "p99", "errors", "dropped"],
            [.. run.Scenarios.Select(s => (new[]
            {
                s.Name, s.RequestCount.ToString(c), s.RequestsPerSecond.ToString("0.#", c), Ms(s.Latency.P50), Ms(s.Latency.P95), Ms(s.Latency.P99),
                (s.RequestCount == 0 ? "n/a" : (100.0 * s.FailCount / s.RequestCount).ToString("0.##", c) + "%")
                    + (s.FailedLatency.Count > 0 ? $" (p95 {Ms(s.FailedLatency.P95)})" : ""), s.DroppedCount.ToString(c),
            }, s.FailCount > 0 || s.DroppedCount > 0 ? (string?)"#fff6e5" : null))]);
    }

    private static void LatencyCharts(SvgPage page, PerfResult result, LoadRunResult run)
    {
        // The scenarios a reader came for first: those with a failed, then a warned budget line.
        var worst = result.Budget?.Conclusions.Where(c => c.Verdict is BudgetVerdict.Fail or BudgetVerdict.Warn)
            .GroupBy(c => c.Scope.Split('/')[0]).ToDictionary(g => g.Key, g => g.Max(c => c.Verdict)) ?? [];
        var shown = run.Scenarios.OrderByDescending(s => worst.GetValueOrDefault(s.Name)).Take(MaxLatencyCharts).ToList();
        foreach (var scenario in shown)
        {
            page.Embed(SvgChartRenderer.Render(TimelineCharts.Latency(scenario, result.Budget, result.Marks)));
        }

        if (run.Scenarios.Count > shown.Count)
        {
            page.Text($"{run.Scenarios.Count - shown.Count} more scenario(s): their charts follow this overview.", SvgPage.Muted);
        }
    }

    private static void CpuChart(SvgPage page, PerfResult result)
    {
        // CPU earns its place only when it explains the verdict: the hint names it saturated.
        if (result.Resources is not { } resources || result.BottleneckHint?.Contains("CPU", StringComparison.Ordinal) != true)
        {
            return;
        }

        var series = resources.Series.Select(s => new NamedSeries(s.Key, [.. s.Value.Select(p => (p.Offset, p.Value))])).ToList();
        if (ResourceTimelineCharts.Build(series, resources.Interval, []).FirstOrDefault(c => c.Title == "resources: CPU") is { } cpu)
        {
            page.Embed(SvgChartRenderer.Render(cpu));
        }
    }

    private static string? Background(GateVerdict verdict) => verdict switch
    {
        GateVerdict.Failed => "#fdeaea",
        GateVerdict.Warned or GateVerdict.Reported => "#fff6e5",
        _ => null,
    };

    private static string Figure(double value) =>
        double.IsNaN(value) ? "not measured" : double.IsInfinity(value) ? "never (not within the run)" : value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Ms(PercentileValue value)
    {
        var needed = (long)Math.Ceiling(100 / (100 - value.Percentile));
        return value.ValueUs is { } us && value.SampleCount >= needed
            ? (us / 1000).ToString("0.##", CultureInfo.InvariantCulture) + " ms"
            : "not enough data";
    }
}
