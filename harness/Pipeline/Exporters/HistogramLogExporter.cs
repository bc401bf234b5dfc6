using PerfTests.Exporters.Tables;

namespace PerfTests.Exporters;

/// <summary>Each scenario's latency as an HdrHistogram log (tags: scenario.latency, .uncorrected, .step.&lt;step&gt;), for HdrHistogram's own tools.</summary>
public sealed class HistogramLogExporter : IExporter
{
    /// <inheritdoc />
    public string Name => "histogram log";

    /// <inheritdoc />
    public void Export(PerfResult result, ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        if (!context.IsRecording || result.Run is not { } run)
        {
            return;
        }

        foreach (var s in run.Scenarios)
        {
            context.Try($"{s.Name} histogram log", () => context.Attach($"{s.Name}: histogram log", HistogramLogText.Render(run.StartedAt, s), "text/plain", "hlog"));
        }
    }
}
