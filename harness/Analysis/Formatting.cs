using System.Globalization;

namespace PerfTests.Analysis;

/// <summary>Number formats of the explanation texts (invariant culture).</summary>
internal static class Formatting
{
    /// <summary>A p-value: 4 decimals, or scientific below 0.0001 (never a bare "0").</summary>
    public static string PValue(double p) =>
        p < 0.0001 ? (p <= 0 ? "<1e-16" : p.ToString("0.0e0", CultureInfo.InvariantCulture)) : p.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A probability: 3 decimals, never rounded to a certain 0 or 1.</summary>
    public static string Probability(double p) => p switch
    {
        > 0.999 => ">0.999",
        < 0.001 => "<0.001",
        _ => p.ToString("0.###", CultureInfo.InvariantCulture),
    };
}
