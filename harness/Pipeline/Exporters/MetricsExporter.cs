namespace PerfTests.Exporters;

/// <summary>
/// Headline numbers Allure trends across runs: per scenario "&lt;scenario&gt; p95" and "p99" (ms; left out
/// with too few samples, never 0), "rps" and "error rate" (%).
/// </summary>
public sealed class MetricsExporter : IExporter
{
    /// <inheritdoc />
    public string Name => "metrics";

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
            context.Try($"{s.Name} metrics", () => PerfMetrics.Record(context, s));
        }
    }
}
