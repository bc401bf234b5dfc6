using PerfTests.Exporters.Tables;

namespace PerfTests.Exporters;

/// <summary>The run's text summary, and each scenario's per-second timeline as CSV: requests, failures, dropped, bytes, error %, p50/p95/p99 (empty, never 0, without samples).</summary>
public sealed class RunTablesExporter : IExporter
{
    /// <inheritdoc />
    public string Name => "run tables";

    /// <inheritdoc />
    public void Export(PerfResult result, ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        if (!context.IsRecording || result.Run is not { } run)
        {
            return;
        }

        context.Attach("run summary", run.ToString(), "text/plain", "txt");
        foreach (var s in run.Scenarios)
        {
            context.Try($"{s.Name} timeline csv", () => context.Attach($"{s.Name}: timeline (csv)", TimelineCsv.Render(s), "text/csv", "csv"));
        }
    }
}
