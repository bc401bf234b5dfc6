using System.Globalization;

namespace PerfTests.Reporting.Performance.Charts;

/// <summary>Invariant number formatting and XML escaping for hand-written SVG.</summary>
internal static class SvgText
{
    /// <summary>A coordinate with at most one decimal (sub-pixel precision is noise and bloats the file).</summary>
    public static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A tick label: as many decimals as the tick step needs, no more.</summary>
    public static string Tick(double value, double step)
    {
        var decimals = step >= 1 ? 0 : Math.Min(6, (int)Math.Ceiling(-Math.Log10(step) - 1e-9));
        return value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    public static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);
}
