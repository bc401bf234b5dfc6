using System.Text;
using static PerfTests.Exporters.Charts.SvgText;

namespace PerfTests.Exporters.Charts;

/// <summary>Draws one series: a polyline per run of known values (gaps stay gaps), a dot for a lone point.</summary>
internal static class SeriesRenderer
{
    public static void Render(StringBuilder svg, ChartSeries series, PlotArea plot)
    {
        svg.Append($"<g class=\"series\" data-series=\"{Escape(series.Name)}\" stroke=\"{series.Color}\" fill=\"none\" stroke-width=\"2\" ")
           .Append("stroke-linejoin=\"round\"")
           .Append(series.Dashed ? " stroke-dasharray=\"6 4\">\n" : ">\n");
        var run = new List<ChartPoint>();
        foreach (var point in series.Points.OrderBy(p => p.X))
        {
            if (point.Y.HasValue)
            {
                run.Add(point);
                continue;
            }

            Flush(svg, run, series, plot);
        }

        Flush(svg, run, series, plot);
        svg.Append("</g>\n");
    }

    private static void Flush(StringBuilder svg, List<ChartPoint> run, ChartSeries series, PlotArea plot)
    {
        if (run.Count == 1)
        {
            svg.Append($"<circle cx=\"{N(plot.X(run[0].X))}\" cy=\"{N(plot.Y(run[0].Y!.Value, series.Axis))}\" r=\"2.5\" fill=\"{series.Color}\"/>\n");
        }
        else if (run.Count > 1)
        {
            svg.Append("<polyline points=\"")
               .AppendJoin(' ', run.Select(p => $"{N(plot.X(p.X))},{N(plot.Y(p.Y!.Value, series.Axis))}"))
               .Append("\"/>\n");
        }

        run.Clear();
    }
}
