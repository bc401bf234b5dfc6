using System.Text;
using static PerfTests.Exporters.Charts.SvgText;

namespace PerfTests.Exporters.Charts;

/// <summary>
/// Renders a <see cref="ChartSpec"/> as a self-contained SVG: no scripts, no external fonts or
/// styles (Allure shows it inline), a generic sans-serif font, axes with ticks and units, a legend.
/// </summary>
internal static class SvgChartRenderer
{
    internal const int Width = 760;
    internal const int Height = 360;
    private const double Left = 72;
    private const double Top = 42;
    private const double Bottom = Height - 92;

    public static string Render(ChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var right = Width - (spec.Y2Label is null ? 28.0 : 72.0);
        var svg = new StringBuilder();
        var legend = new StringBuilder();
        // A long legend (many metrics) grows the picture downwards instead of spilling out of it.
        var height = Math.Max(Height, (int)Math.Ceiling(Legend(legend, spec) + 16));
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" ")
            .Append("font-family=\"sans-serif\" font-size=\"12\">\n")
            .Append($"<title>{Escape(spec.Title)}</title>\n")
            .Append($"<rect width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>\n")
            .Append($"<text x=\"{Width / 2}\" y=\"24\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">{Escape(spec.Title)}</text>\n");

        var noData = spec.NoDataReason ?? (spec.Series.Any(s => s.Points.Any(p => p.Y.HasValue)) ? null : "no samples");
        var xMax = spec.XMax ?? (spec.Series.SelectMany(s => s.Points).Select(p => p.X).DefaultIfEmpty(spec.XMin + 1).Max());
        var headroom = Headroom(spec, ChartAxis.Left);
        var left = spec.YMax is { } yMax && headroom <= yMax * 1.08 ? NiceScale.From(0, yMax) : NiceScale.From(0, headroom);
        var plot = new PlotArea(Left, Top, right, Bottom,
            spec.XTicks is null ? NiceScale.From(spec.XMin, xMax, 8, allowQuarters: false) with { Min = spec.XMin } : new NiceScale(spec.XMin, xMax, 1),
            left, NiceScale.Aligned(Headroom(spec, ChartAxis.Right), (int)Math.Round(left.Max / left.Step)));

        if (noData is not null)
        {
            // A frame without ticks: made-up axis ranges would suggest values that were never measured.
            svg.Append($"<rect x=\"{N(plot.X0)}\" y=\"{N(plot.Y0)}\" width=\"{N(plot.X1 - plot.X0)}\" height=\"{N(plot.Y1 - plot.Y0)}\" fill=\"none\" stroke=\"#888888\"/>\n");
            svg.Append($"<text class=\"no-data\" x=\"{N((plot.X0 + plot.X1) / 2)}\" y=\"{N((plot.Y0 + plot.Y1) / 2)}\" text-anchor=\"middle\" ")
               .Append($"font-size=\"16\" fill=\"#555555\">not enough data ({Escape(noData)})</text>\n</svg>\n");
            return svg.ToString();
        }

        Axes(svg, spec, plot);
        MarkRenderer.Render(svg, spec.Marks, plot, xMax);
        foreach (var line in spec.ReferenceLines)
        {
            var y = N(plot.Y(line.Y, line.Axis));
            svg.Append($"<g class=\"reference\" data-series=\"{Escape(line.Label)}\"><line x1=\"{N(plot.X0)}\" y1=\"{y}\" x2=\"{N(plot.X1)}\" y2=\"{y}\" ")
               .Append($"stroke=\"{line.Color}\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/></g>\n");
        }

        foreach (var series in spec.Series)
        {
            SeriesRenderer.Render(svg, series, plot);
        }

        foreach (var marker in spec.Markers)
        {
            var (x, y) = (plot.X(marker.X), plot.Y(marker.Y, ChartAxis.Left));
            svg.Append($"<g class=\"marker\" data-series=\"{Escape(marker.Label)}\" fill=\"{marker.Color}\">")
               .Append($"<path d=\"M{N(x)} {N(y - 6)} L{N(x + 6)} {N(y)} L{N(x)} {N(y + 6)} L{N(x - 6)} {N(y)} Z\"/>")
               .Append($"<text x=\"{N(x - 9)}\" y=\"{N(y - 8)}\" text-anchor=\"end\" font-size=\"11\">{Escape(marker.Label)}</text></g>\n");
        }

        svg.Append(legend);
        return svg.Append("</svg>\n").ToString();
    }

    /// <summary>The axis' largest value plus 8 % headroom (keeps lines off the top edge and under the mark labels); 1 when empty.</summary>
    private static double Headroom(ChartSpec spec, ChartAxis axis)
    {
        var values = spec.Series.Where(s => s.Axis == axis).SelectMany(s => s.Points).Where(p => p.Y.HasValue).Select(p => p.Y!.Value)
            .Concat(spec.ReferenceLines.Where(r => r.Axis == axis).Select(r => r.Y))
            .Concat(spec.Markers.Where(_ => axis == ChartAxis.Left).Select(m => m.Y));
        var max = values.DefaultIfEmpty(0).Max();
        return max <= 0 ? 1 : max * 1.08;
    }

    private static void Axes(StringBuilder svg, ChartSpec spec, PlotArea plot)
    {
        svg.Append("<g class=\"axes\" stroke=\"#cccccc\" stroke-width=\"1\">\n");
        foreach (var tick in plot.YLeft.Ticks())
        {
            svg.Append($"<line x1=\"{N(plot.X0)}\" y1=\"{N(plot.Y(tick, ChartAxis.Left))}\" x2=\"{N(plot.X1)}\" y2=\"{N(plot.Y(tick, ChartAxis.Left))}\" stroke=\"#eeeeee\"/>\n");
        }

        svg.Append($"<rect x=\"{N(plot.X0)}\" y=\"{N(plot.Y0)}\" width=\"{N(plot.X1 - plot.X0)}\" height=\"{N(plot.Y1 - plot.Y0)}\" fill=\"none\" stroke=\"#888888\"/>\n</g>\n");
        svg.Append("<g class=\"ticks\" fill=\"#333333\" font-size=\"11\">\n");
        foreach (var tick in plot.YLeft.Ticks())
        {
            svg.Append($"<text x=\"{N(plot.X0 - 6)}\" y=\"{N(plot.Y(tick, ChartAxis.Left) + 4)}\" text-anchor=\"end\">{Tick(tick, plot.YLeft.Step)}</text>\n");
        }

        if (spec.Y2Label is not null)
        {
            foreach (var tick in plot.YRight.Ticks())
            {
                svg.Append($"<text x=\"{N(plot.X1 + 6)}\" y=\"{N(plot.Y(tick, ChartAxis.Right) + 4)}\">{Tick(tick, plot.YRight.Step)}</text>\n");
            }
        }

        var xTicks = spec.XTicks ?? [.. plot.XScale.Ticks().Where(t => t <= plot.XScale.Max).Select(t => new AxisTick(t, Tick(t, plot.XScale.Step)))];
        foreach (var tick in xTicks)
        {
            var x = N(plot.X(tick.Value));
            svg.Append($"<line x1=\"{x}\" y1=\"{N(plot.Y1)}\" x2=\"{x}\" y2=\"{N(plot.Y1 + 5)}\" stroke=\"#888888\"/>")
               .Append($"<text x=\"{x}\" y=\"{N(plot.Y1 + 18)}\" text-anchor=\"middle\">{Escape(tick.Label)}</text>\n");
        }

        svg.Append("</g>\n")
           .Append($"<text x=\"{N((plot.X0 + plot.X1) / 2)}\" y=\"{N(plot.Y1 + 36)}\" text-anchor=\"middle\">{Escape(spec.XLabel)}</text>\n")
           .Append($"<text transform=\"translate(18 {N((plot.Y0 + plot.Y1) / 2)}) rotate(-90)\" text-anchor=\"middle\">{Escape(spec.YLabel)}</text>\n");
        if (spec.Y2Label is not null)
        {
            svg.Append($"<text transform=\"translate({Width - 14} {N((plot.Y0 + plot.Y1) / 2)}) rotate(90)\" text-anchor=\"middle\">{Escape(spec.Y2Label)}</text>\n");
        }
    }

    /// <summary>Writes the legend rows under the plot; returns the baseline of the last row.</summary>
    private static double Legend(StringBuilder svg, ChartSpec spec)
    {
        var items = spec.Series.Select(s => (s.Name, s.Color, s.Dashed, Shaded: false))
            .Concat(spec.ReferenceLines.Select(r => (Name: r.Label, r.Color, Dashed: true, Shaded: false)))
            .Concat(spec.Marks.Select(m => m.Label).Distinct(StringComparer.Ordinal).Take(4).Select(label => (Name: label, Color: MarkRenderer.Fill, Dashed: false, Shaded: true)));
        double x = Left, y = Height - 34;
        svg.Append("<g class=\"legend\" font-size=\"11\">\n");
        foreach (var (name, color, dashed, shaded) in items)
        {
            // Estimated width (no font metrics without a browser): about 6.5 px per character.
            var width = 34 + (name.Length * 6.5);
            if (x + width > Width - 10 && x > Left)
            {
                (x, y) = (Left, y + 18);
            }

            svg.Append(shaded
                ? $"<rect x=\"{N(x)}\" y=\"{N(y - 8)}\" width=\"22\" height=\"10\" fill=\"{color}\" fill-opacity=\"0.35\"/>"
                : $"<line x1=\"{N(x)}\" y1=\"{N(y - 3)}\" x2=\"{N(x + 22)}\" y2=\"{N(y - 3)}\" stroke=\"{color}\" stroke-width=\"2.5\"{(dashed ? " stroke-dasharray=\"6 4\"" : string.Empty)}/>");
            svg.Append($"<text x=\"{N(x + 28)}\" y=\"{N(y + 1)}\">{Escape(name)}</text>\n");
            x += width;
        }

        svg.Append("</g>\n");
        return y;
    }
}
