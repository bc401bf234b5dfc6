using System.Net;
using System.Text;
using PerfTests.Budgets;

namespace PerfTests.Exporters.Tables;

/// <summary>
/// The budget table as a self-contained HTML page: inline CSS, verdict colours, no scripts (Allure
/// shows text/html in a sandboxed iframe that runs none).
/// </summary>
internal static class BudgetTableHtml
{
    private const string Css =
        "body{font-family:sans-serif;font-size:13px;margin:8px;color:#222}" +
        "h3{margin:0 0 8px 0;font-size:14px}" +
        "table{border-collapse:collapse}" +
        "th,td{border:1px solid #ccc;padding:3px 8px;text-align:left;white-space:nowrap}" +
        "th{background:#f2f2f2}" +
        "td.num{text-align:right}" +
        "tr.pass td.verdict{background:#e3f4e1;color:#1e6b1e}" +
        "tr.ok td.verdict{background:#f1f6dc;color:#556b00}" +
        "tr.warn td.verdict{background:#fff1d6;color:#8a5a00;font-weight:bold}" +
        "tr.fail td{background:#fdeaea}" +
        "tr.fail td.verdict{background:#f8c9c9;color:#9b0000;font-weight:bold}" +
        "tr.skipped td.verdict{background:#eeeeee;color:#666}" +
        ".overall-fail{color:#9b0000}.overall-warn{color:#8a5a00}.overall-pass{color:#1e6b1e}";

    public static string Render(BudgetReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var overall = BudgetTableRow.Overall(report);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
            .Append(E(BudgetTableRow.Heading(report)))
            .Append("</title>\n<style>").Append(Css).Append("</style></head>\n<body>\n")
            .Append("<h3>").Append(E(BudgetTableRow.Heading(report))).Append(": <span class=\"overall-")
            .Append(overall.Split(' ')[0].ToLowerInvariant()).Append("\">").Append(E(overall)).Append("</span></h3>\n")
            .Append("<table>\n<tr>");
        foreach (var header in BudgetTableRow.Headers)
        {
            html.Append("<th>").Append(E(header)).Append("</th>");
        }

        html.Append("</tr>\n");
        foreach (var row in BudgetTableRow.Of(report))
        {
            html.Append("<tr class=\"").Append(row.Verdict.ToString().ToLowerInvariant()).Append("\">");
            var cells = row.Cells;
            for (var i = 0; i < cells.Length; i++)
            {
                var css = BudgetTableRow.Headers[i] switch
                {
                    "verdict" => " class=\"verdict\"",
                    "actual" or "target" or "warn" or "fail" or "samples" => " class=\"num\"",
                    _ => string.Empty,
                };
                html.Append("<td").Append(css).Append('>').Append(E(cells[i])).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        return html.Append("</table>\n</body></html>\n").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
