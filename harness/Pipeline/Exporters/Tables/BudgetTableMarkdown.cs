using System.Text;
using PerfTests.Budgets;

namespace PerfTests.Exporters.Tables;

/// <summary>The budget table as a GitHub-flavoured markdown table.</summary>
internal static class BudgetTableMarkdown
{
    public static string Render(BudgetReport report)
    {
        var rows = BudgetTableRow.Of(report);
        var text = new StringBuilder();
        Row(text, BudgetTableRow.Headers);
        Row(text, [.. BudgetTableRow.Headers.Select(_ => "---")]);
        foreach (var row in rows)
        {
            var cells = row.Cells;
            // Bold the verdicts that need attention: a reader scanning a long job summary finds them.
            var verdictIndex = Array.IndexOf(BudgetTableRow.Headers, "verdict");
            if (row.Verdict is BudgetVerdict.Fail or BudgetVerdict.Warn)
            {
                cells[verdictIndex] = $"**{cells[verdictIndex]}**";
            }

            Row(text, cells);
        }

        return text.ToString();
    }

    internal static void Row(StringBuilder text, IEnumerable<string> cells) =>
        text.Append("| ").AppendJoin(" | ", cells.Select(Cell)).Append(" |\n");

    internal static string Cell(string value) =>
        value.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
