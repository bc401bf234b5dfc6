using System.Globalization;

namespace PerfTests.Exporters.Charts;

/// <summary>Invariant number formatting and XML escaping for hand-written SVG.</summary>
internal static class SvgText
{
    /// <summary>A coordinate with at most one decimal (sub-pixel precision is noise and bloats the file).</summary>
    public static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A tick label: as many decimals as the tick step needs (2.5 needs one), no more.</summary>
    public static string Tick(double value, double step)
    {
        var decimals = 0;
        while (decimals < 6 && Math.Abs((step * Math.Pow(10, decimals)) - Math.Round(step * Math.Pow(10, decimals))) > 1e-6)
        {
            decimals++;
        }

        return value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    public static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);
}
