using PerfTests.Budgets;

namespace PerfTests.Exporters.Tables;

/// <summary>The budget table as CSV (RFC 4180), which Allure renders as a table.</summary>
internal static class BudgetTableCsv
{
    public static string Render(BudgetReport report) =>
        Csv.Lines(BudgetTableRow.Of(report).Select(r => r.Cells).Prepend(BudgetTableRow.Headers));
}
