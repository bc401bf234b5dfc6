namespace PerfTests.Resources;

/// <summary>Aggregates of one metric over the run.</summary>
/// <param name="Count">Number of samples.</param>
/// <param name="Min">Smallest sample.</param>
/// <param name="Mean">Arithmetic mean of the samples (equal weight: the interval is fixed).</param>
/// <param name="P95">95th percentile (nearest rank) of the samples.</param>
/// <param name="Peak">Largest sample.</param>
public sealed record ResourceStats(int Count, double Min, double Mean, double P95, double Peak)
{
    /// <summary>Aggregates a non-empty series.</summary>
    public static ResourceStats Of(IReadOnlyList<ResourcePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            throw new ArgumentException("A series needs at least one point.", nameof(points));
        }

        var sorted = points.Select(p => p.Value).Order().ToArray();
        // Nearest rank: with few samples p95 is simply one of the largest, never interpolated past the data.
        var rank = (int)Math.Ceiling(0.95 * sorted.Length) - 1;
        return new ResourceStats(sorted.Length, sorted[0], sorted.Average(), sorted[Math.Max(0, rank)], sorted[^1]);
    }
}
