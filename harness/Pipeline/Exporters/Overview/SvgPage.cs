using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using static PerfTests.Exporters.Charts.SvgText;

namespace PerfTests.Exporters.Overview;

/// <summary>
/// A page drawn top to bottom as one SVG: headings, wrapped lines, tables in a monospace font (so
/// columns line up without measuring text) and whole charts placed inline. SVG, not HTML: Allure shows
/// an SVG attachment as an image at its own size, where an HTML one sits in a frame of fixed height
/// when the report is opened from a file.
/// </summary>
internal sealed partial class SvgPage(int width)
{
    private const double CharWidth = 7.2;
    private const double RowHeight = 18;
    private const double Margin = 10;
    private readonly StringBuilder _body = new();
    private double _y = Margin;

    public static readonly string Failed = "#9b0000";
    public static readonly string Warned = "#8a5a00";
    public static readonly string Passed = "#1e6b1e";
    public static readonly string Muted = "#666666";

    /// <summary>Characters that fit on one line of body text.</summary>
    public int LineChars => (int)((width - (2 * Margin)) / CharWidth);

    public void Heading(string text, string color, int size = 17)
    {
        _y += size + 2;
        _body.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Margin)}\" y=\"{N(_y)}\" font-family=\"sans-serif\" font-size=\"{size}\" font-weight=\"bold\" fill=\"{color}\">{Escape(Clip(text, (int)((width - (2 * Margin)) / (size * 0.62))))}</text>\n");
        _y += 6;
    }

    /// <summary>Monospace text wrapped at the page width.</summary>
    public void Text(string text, string color = "#222222", bool bold = false)
    {
        foreach (var line in Wrap(text, LineChars))
        {
            _y += RowHeight - 2;
            _body.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Margin)}\" y=\"{N(_y)}\" fill=\"{color}\"{(bold ? " font-weight=\"bold\"" : "")}>{Escape(line)}</text>\n");
        }

        _y += 4;
    }

    public void Space(double pixels) => _y += pixels;

    /// <summary>A table; each row may carry a background colour (null: none). Cells wider than their share are wrapped in the last column, clipped elsewhere.</summary>
    public void Table(IReadOnlyList<string> headers, IReadOnlyList<(string[] Cells, string? Background)> rows, int? lastColumnChars = null)
    {
        var columns = headers.Count;
        var widths = Enumerable.Range(0, columns)
            .Select(c => Math.Max(headers[c].Length, rows.Select(r => r.Cells[c].Length).DefaultIfEmpty(0).Max()))
            .ToArray();
        // The last column takes what is left, wrapped: a long summary never widens the page.
        var fixedChars = widths.Take(columns - 1).Sum() + (2 * columns);
        widths[^1] = Math.Max(10, Math.Min(widths[^1], lastColumnChars ?? (LineChars - fixedChars)));
        Row(headers.ToArray(), widths, "#f2f2f2", bold: true);
        foreach (var (cells, background) in rows)
        {
            Row(cells, widths, background, bold: false);
        }

        _y += 8;
    }

    /// <summary>Places a whole SVG (a chart) at the current position, at its own size.</summary>
    public void Embed(string svg)
    {
        var match = OpeningTag().Match(svg);
        if (!match.Success)
        {
            return;
        }

        var height = double.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        // A nested <svg> with a position: the chart keeps its own coordinates, fonts and viewBox.
        _body.Append(CultureInfo.InvariantCulture, $"<svg x=\"{N(Margin)}\" y=\"{N(_y)}\" width=\"{match.Groups["w"].Value}\" height=\"{match.Groups["h"].Value}\" ")
            .Append(svg[(match.Index + match.Length)..]).Append('\n');
        _y += height + 8;
    }

    public string Render(string title)
    {
        var height = (int)Math.Ceiling(_y + Margin);
        return new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" ")
            .Append("font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\" font-size=\"12\">\n")
            .Append($"<title>{Escape(title)}</title>\n")
            .Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>\n")
            .Append(_body)
            .Append("</svg>\n")
            .ToString();
    }

    private void Row(string[] cells, int[] widths, string? background, bool bold)
    {
        var wrapped = cells.Select((c, i) => i == cells.Length - 1 ? Wrap(c, widths[i]) : [Clip(c, widths[i])]).ToArray();
        var lines = wrapped.Max(w => w.Count);
        var height = (lines * (RowHeight - 4)) + 4;
        var total = widths.Sum(w => (w + 2) * CharWidth);
        if (background is not null)
        {
            _body.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(Margin)}\" y=\"{N(_y)}\" width=\"{N(total)}\" height=\"{N(height)}\" fill=\"{background}\"/>\n");
        }

        _body.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(Margin)}\" y1=\"{N(_y + height)}\" x2=\"{N(Margin + total)}\" y2=\"{N(_y + height)}\" stroke=\"#cccccc\"/>\n");
        var x = Margin + CharWidth;
        for (var c = 0; c < cells.Length; c++)
        {
            for (var l = 0; l < wrapped[c].Count; l++)
            {
                _body.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(_y + 13 + (l * (RowHeight - 4)))}\"{(bold ? " font-weight=\"bold\"" : "")}>{Escape(wrapped[c][l])}</text>\n");
            }

            x += (widths[c] + 2) * CharWidth;
        }

        _y += height;
    }

    private static string Clip(string text, int chars) => text.Length <= chars ? text : text[..Math.Max(0, chars - 1)] + "…";

    private static List<string> Wrap(string text, int chars)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' '))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > chars)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }

                line.Append(line.Length > 0 ? " " : "").Append(word.Length > chars ? Clip(word, chars) : word);
            }

            lines.Add(line.ToString());
        }

        return lines;
    }

    [GeneratedRegex("^<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"(?<w>\\d+)\" height=\"(?<h>\\d+)\" ")]
    private static partial Regex OpeningTag();
}
