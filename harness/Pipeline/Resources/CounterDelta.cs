namespace PerfTests.Resources;

/// <summary>
/// Turns cumulative counters (requests served, cache hits) into per-interval changes, for an
/// <see cref="IResourceSource"/> of your own; the first reading, and one after a counter reset, has none.
/// </summary>
public sealed class CounterDelta
{
    private readonly Dictionary<string, double> _previous = new(StringComparer.Ordinal);

    /// <summary>Change of <paramref name="counter"/> since its last reading; null on the first (or after a counter reset).</summary>
    public double? Next(string counter, double value)
    {
        var had = _previous.TryGetValue(counter, out var previous);
        _previous[counter] = value;
        return had && value >= previous ? value - previous : null;
    }

    /// <summary>hits / (hits + misses) over the interval; NaN when the interval had no lookups (no point, not 0).</summary>
    public static double Ratio(double? hits, double? misses) =>
        hits is { } h && misses is { } m && h + m > 0 ? h / (h + m) : double.NaN;
}
