using System.Globalization;
using System.Net;
using System.Text;

namespace PerfTests.Browser;

/// <summary>
/// A filmstrip-like SVG of one run: up to 8 screencast frames (each a visual change) above a time axis with the
/// milestones (TTFB, FCP, LCP), long tasks (red), layout shifts (orange) and interactions (blue).
/// SVG renders inline in Allure, and the frames are embedded, so it is one self-contained file.
/// </summary>
internal static class FilmstripSvg
{
    private const int Columns = 8;
    private const double FrameWidth = 150;
    private const double FrameHeight = 110;
    private const double Width = Columns * (FrameWidth + 6) + 20;

    public static string Render(string title, PageRunResult run)
    {
        var e = run.Entries;
        var fcp = WebVitalsCalculator.Fcp(e.Paints);
        var lcp = WebVitalsCalculator.Lcp(e.Lcp.Where(c => c.StartTime < run.InteractionsStartMs));
        var end = new[] { run.InteractionsStartMs, lcp ?? 0, fcp ?? 0 }.Concat(e.Events.Select(x => x.StartTime + x.Duration)).Max() * 1.05;
        end = Math.Max(end, 100);
        var svg = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        svg.Append(c, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"260\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append(c, $"<text x=\"10\" y=\"16\" font-size=\"13\" font-weight=\"bold\">{WebUtility.HtmlEncode(title)}: filmstrip and timeline (ms from navigation start)</text>");
        // Screencast frames arrive only when the screen changes, so frames picked by index show
        // the visual progress (blank, first paint, data...) rather than eight identical end states.
        var picked = Enumerable.Range(0, Math.Min(Columns, run.Frames.Count))
            .Select(i => run.Frames[run.Frames.Count <= Columns ? i : i * (run.Frames.Count - 1) / (Columns - 1)])
            .ToList();
        for (var i = 0; i < picked.Count; i++)
        {
            var x = 10 + (i * (FrameWidth + 6));
            svg.Append(c, $"<rect x=\"{x}\" y=\"26\" width=\"{FrameWidth}\" height=\"{FrameHeight}\" fill=\"#eee\" stroke=\"#999\"/>");
            svg.Append(c, $"<image x=\"{x}\" y=\"26\" width=\"{FrameWidth}\" height=\"{FrameHeight}\" preserveAspectRatio=\"xMidYMin meet\" href=\"data:image/jpeg;base64,{Convert.ToBase64String(picked[i].Jpeg)}\"/>");
            svg.Append(c, $"<text x=\"{x}\" y=\"150\">{picked[i].TimeMs:0} ms</text>");
        }

        double X(double ms) => 10 + ((Width - 20) * Math.Clamp(ms / end, 0, 1));
        const double axis = 200;
        svg.Append(c, $"<line x1=\"10\" y1=\"{axis}\" x2=\"{Width - 10}\" y2=\"{axis}\" stroke=\"#333\"/>");
        foreach (var task in e.LongTasks)
        {
            svg.Append(c, $"<rect x=\"{X(task.StartTime):0.#}\" y=\"{axis - 14}\" width=\"{Math.Max(1, X(task.StartTime + task.Duration) - X(task.StartTime)):0.#}\" height=\"12\" fill=\"#d33\" opacity=\"0.7\"><title>long task {task.Duration:0} ms</title></rect>");
        }

        foreach (var shift in e.Shifts)
        {
            svg.Append(c, $"<rect x=\"{X(shift.StartTime):0.#}\" y=\"{axis + 2}\" width=\"3\" height=\"12\" fill=\"#e80\"><title>layout shift {shift.Value:0.###}</title></rect>");
        }

        foreach (var ev in e.Events)
        {
            svg.Append(c, $"<rect x=\"{X(ev.StartTime):0.#}\" y=\"{axis + 16}\" width=\"{Math.Max(2, X(ev.StartTime + ev.Duration) - X(ev.StartTime)):0.#}\" height=\"8\" fill=\"#36c\"><title>{ev.Name} {ev.Duration:0} ms</title></rect>");
        }

        Marker(svg, X(e.ResponseStart), "TTFB", e.ResponseStart, 0);
        Marker(svg, fcp is { } f ? X(f) : -1, "FCP", fcp ?? 0, 1);
        Marker(svg, lcp is { } l ? X(l) : -1, "LCP", lcp ?? 0, 2);
        svg.Append(c, $"<text x=\"10\" y=\"252\">red: long tasks; orange: layout shifts; blue: interactions; {run.Frames.Count} frames; {end:0} ms shown</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Marker(StringBuilder svg, double x, string label, double ms, int row)
    {
        if (x < 0)
        {
            return;
        }

        var c = CultureInfo.InvariantCulture;
        svg.Append(c, $"<line x1=\"{x:0.#}\" y1=\"160\" x2=\"{x:0.#}\" y2=\"230\" stroke=\"#080\" stroke-dasharray=\"3,2\"/>");
        svg.Append(c, $"<text x=\"{x + 2:0.#}\" y=\"{170 + (row * 11)}\" fill=\"#060\">{label} {ms:0}</text>");
    }
}
