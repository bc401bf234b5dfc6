using System.Globalization;
using System.Text;
using PerfTests.Budgets;
using PerfTests.Load.Results;
using PerfTests.Exporters.Tables;

namespace PerfTests.Exporters.Summary;

/// <summary>One test's section of the CI job summary: headline numbers per scenario, then the budget table.</summary>
internal static class MarkdownSummary
{
    private static readonly string[] Headers =
        ["scenario", "requests", "rps", "p50", "p95", "p99", "max", "errors", "dropped", "samples"];

    public static string Render(string title, LoadRunResult? run, BudgetReport? report)
    {
        var verdict = report is null ? string.Empty : $": {BudgetTableRow.Overall(report)}";
        var text = new StringBuilder().Append("### ").Append(BudgetTableMarkdown.Cell(title)).Append(verdict).Append("\n\n");
        if (run is not null)
        {
            Scenarios(text, run);
        }

        if (report is not null)
        {
            text.Append('\n').Append(BudgetTableMarkdown.Cell(BudgetTableRow.Heading(report))).Append("\n\n")
                .Append(BudgetTableMarkdown.Render(report));
        }

        return text.Append('\n').ToString();
    }

    private static void Scenarios(StringBuilder text, LoadRunResult run)
    {
        var c = CultureInfo.InvariantCulture;
        text.Append(c, $"Run of {run.Duration.TotalSeconds:0.#} s started {run.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC")
            .Append(run.IsCancelled ? " (**cancelled: partial results**)" : run.AbortReason is { } why ? $" (**aborted: {why}**)" : string.Empty).Append(".\n\n");
        BudgetTableMarkdown.Row(text, Headers);
        BudgetTableMarkdown.Row(text, Headers.Select(_ => "---"));
        foreach (var s in run.Scenarios)
        {
            var errorPct = s.RequestCount == 0 ? "n/a" : (100.0 * s.FailCount / s.RequestCount).ToString("0.##", c) + "%";
            BudgetTableMarkdown.Row(text,
            [
                s.Name, s.RequestCount.ToString(c), s.RequestsPerSecond.ToString("0.#", c),
                Ms(s.Latency.P50), Ms(s.Latency.P95), Ms(s.Latency.P99),
                s.Latency.MaxUs is { } max ? (max / 1000.0).ToString("0.###", c) + " ms" : "n/a",
                // Failed requests' latency on its own: the p50..max columns are of successful requests only.
                $"{s.FailCount.ToString(c)} ({errorPct}){(s.FailedLatency.Count > 0 ? $", failed p95 {Ms(s.FailedLatency.P95)}" : "")}",
                s.DroppedCount.ToString(c), s.Latency.Count.ToString(c),
            ]);
        }

        // Whether the latency settled, and from when (MSER-5 on the per-second p95): a breach inside a
        // start-up transient reads differently from one in a steady run.
        text.Append('\n');
        foreach (var s in run.Scenarios)
        {
            var steady = Load.SteadyState.Mser.DetectPerSecondP95(s);
            text.Append(c, $"- `{s.Name}` per-second p95: {steady} (MSER-5)");
            if (s.WarmUpSteadiness is { } warmUp)
            {
                text.Append(c, $"; auto warm-up of {s.WarmUp.TotalSeconds:0} s, {(warmUp.IsSteady ? "ended when steady" : "not steady by its cap")}");
            }

            text.Append('\n');
        }
    }

    /// <summary>A percentile in ms, or "n/a" when there were no samples, or too few for it to mean anything.</summary>
    private static string Ms(PercentileValue value)
    {
        var needed = (long)Math.Ceiling(100 / (100 - value.Percentile));
        return value.ValueUs is { } us && value.SampleCount >= needed
            ? (us / 1000).ToString("0.###", CultureInfo.InvariantCulture) + " ms"
            : $"n/a (n={value.SampleCount.ToString(CultureInfo.InvariantCulture)})";
    }
}
