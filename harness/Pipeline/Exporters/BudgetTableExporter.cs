using PerfTests.Exporters.Tables;

namespace PerfTests.Exporters;

/// <summary>The budget table: every metric with actual, target, warn, fail, verdict and samples (HTML, and CSV with where each limit is written).</summary>
public sealed class BudgetTableExporter : IExporter
{
    /// <inheritdoc />
    public string Name => "budget table";

    /// <inheritdoc />
    public void Export(PerfResult result, ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        if (!context.IsRecording || result.Budget is not { } report)
        {
            return;
        }

        context.Try("budget table (html)", () => context.Attach("budget table", BudgetTableHtml.Render(report), "text/html", "html"));
        context.Try("budget table (csv)", () => context.Attach("budget table (csv)", BudgetTableCsv.Render(report), "text/csv", "csv"));
    }
}
