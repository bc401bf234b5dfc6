namespace PerfTests.Browser;

/// <summary>One metric over the runs of a page: the median judged by budgets, and the spread.</summary>
/// <param name="Median">Median over runs (mean of the middle two for an even count).</param>
/// <param name="Min">Smallest run value.</param>
/// <param name="Max">Largest run value.</param>
/// <param name="Count">Runs that measured this metric.</param>
public sealed record MetricSpread(double Median, double Min, double Max, int Count)
{
    /// <summary>Summarises run values; null when there are none.</summary>
    public static MetricSpread? Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new MetricSpread(median, sorted[0], sorted[^1], sorted.Length);
    }
}
