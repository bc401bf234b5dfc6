using PerfTests.Gates;

namespace PerfTests.Exporters;

/// <summary>Each gate's own report (the baseline comparison per scenario: verdict, p95 change, interval, p) as markdown.</summary>
public sealed class GateReportsExporter : IExporter
{
    /// <inheritdoc />
    public string Name => "gate reports";

    /// <inheritdoc />
    public void Export(PerfResult result, ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var gate in result.Gates.Where(g => g.Markdown is not null))
        {
            context.Try($"{gate.Gate} report", () => context.Attach(Title(gate), gate.Markdown!, "text/markdown", "md"));
        }
    }

    internal static string Title(GateResult gate) => gate.Gate switch
    {
        SavedBaselineGate.GateName => "baseline comparison",
        SideBySideGate.GateName => "side-by-side comparison",
        _ => gate.Gate + " report",
    };
}
