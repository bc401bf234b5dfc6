using System.Text;
using static PerfTests.Exporters.Charts.SvgText;

namespace PerfTests.Exporters.Charts;

/// <summary>Shades fault/phase windows behind the lines, with the label at the top of each window.</summary>
internal static class MarkRenderer
{
    public const string Fill = "#f4a261";

    // runEnd: where an open-ended mark (no To) stops, the end of the data.
    public static void Render(StringBuilder svg, IReadOnlyList<TimelineMark> marks, PlotArea plot, double runEnd)
    {
        if (marks.Count == 0)
        {
            return;
        }

        svg.Append("<g class=\"marks\" font-size=\"11\">\n");
        for (var i = 0; i < marks.Count; i++)
        {
            var mark = marks[i];
            var x0 = plot.X(mark.From.TotalSeconds);
            var x1 = plot.X(mark.To?.TotalSeconds ?? runEnd);
            svg.Append($"<g class=\"mark\" data-mark=\"{Escape(mark.Label)}\">");
            if (x1 - x0 >= 1)
            {
                svg.Append($"<rect x=\"{N(x0)}\" y=\"{N(plot.Y0)}\" width=\"{N(x1 - x0)}\" height=\"{N(plot.Y1 - plot.Y0)}\" fill=\"{Fill}\" fill-opacity=\"0.22\"/>");
            }

            svg.Append($"<line x1=\"{N(x0)}\" y1=\"{N(plot.Y0)}\" x2=\"{N(x0)}\" y2=\"{N(plot.Y1)}\" stroke=\"{Fill}\" stroke-width=\"1.5\"/>");
            // Stagger labels of neighbouring marks so they do not overprint each other.
            var y = plot.Y0 + 13 + ((i % 3) * 13);
            svg.Append($"<text x=\"{N(x0 + 4)}\" y=\"{N(y)}\" fill=\"#8a4b08\">{Escape(mark.Label)}</text></g>\n");
        }

        svg.Append("</g>\n");
    }
}
