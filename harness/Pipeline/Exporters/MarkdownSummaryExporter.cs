using System.Text;
using PerfTests.Exporters.Summary;
using PerfTests.Gates;

namespace PerfTests.Exporters;

/// <summary>
/// Appends the test's section to the markdown summary file (run setting <c>SummaryFile</c>, e.g.
/// $GITHUB_STEP_SUMMARY): headline numbers per scenario, the budget table, each gate's verdict and
/// report. Safe for parallel writers (an exclusive lock per section); nothing when no file is set.
/// </summary>
public sealed class MarkdownSummaryExporter : IExporter
{
    /// <inheritdoc />
    public string Name => "markdown summary";

    /// <inheritdoc />
    public void Export(PerfResult result, ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        if (result.Settings.SummaryFile is not { } path)
        {
            return;
        }

        var text = new StringBuilder(MarkdownSummary.Render(result.Test.FullName, result.Run, result.Budget));
        foreach (var gate in result.Gates.Where(g => g.Verdict is not GateVerdict.Skipped && g.Detail is not Budgets.BudgetReport))
        {
            text.Append("- **").Append(gate.Gate).Append("**: ").Append(gate.Verdict.ToString().ToLowerInvariant()).Append(": ").Append(gate.Summary).Append('\n');
        }

        if (result.BottleneckHint is { } hint)
        {
            text.Append("- **bottleneck hint**: ").Append(hint).Append('\n');
        }

        SummaryFile.Append(path, text.Append('\n').ToString());
        foreach (var gate in result.Gates.Where(g => g.Markdown is not null))
        {
            SummaryFile.Append(path, gate.Markdown!);
        }
    }
}
