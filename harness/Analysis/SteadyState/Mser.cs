namespace PerfTests.Analysis.SteadyState;

/// <summary>
/// MSER-5 warm-up detection (White 1997; White, Cobb and Spratt 2000): average the series in batches
/// of 5, and cut the number of leading batches d that minimises the standard error of the mean of what
/// is left, sum((Y_j - mean)^2) / (k - d)^2. A start-up transient inflates that error until it is cut
/// away; a series whose best cut lies in its second half never settled (a drift, a run too short).
/// </summary>
public static class Mser
{
    /// <summary>The batch size of MSER-5.</summary>
    public const int BatchSize = 5;

    /// <summary>Batches that must remain after a cut (25 s).</summary>
    private const int MinimumLeft = 5;

    /// <summary>Detects where <paramref name="series"/> (one value a second, e.g. per-second p95) is steady.</summary>
    public static SteadyStateResult Detect(IReadOnlyList<double> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var values = series.Where(double.IsFinite).ToList();
        var k = values.Count / BatchSize;
        if (k < MinimumLeft + 1)
        {
            // Too few batches say nothing about where a series settles.
            return new SteadyStateResult(IsSteady: false, TruncateAt: 0, Points: 0);
        }

        var batches = Enumerable.Range(0, k).Select(j => values.Skip(j * BatchSize).Take(BatchSize).Average()).ToArray();
        var best = 0;
        var bestStatistic = double.PositiveInfinity;
        // The last few batches are never a candidate: the error of a mean of two or three batches is small
        // by chance, which would make plain noise look "never steady" (Hoad, Robinson and Davies 2010).
        for (var d = 0; d <= k - MinimumLeft; d++)
        {
            var rest = batches.AsSpan(d);
            var mean = 0.0;
            foreach (var y in rest)
            {
                mean += y;
            }

            mean /= rest.Length;
            var squares = 0.0;
            foreach (var y in rest)
            {
                squares += (y - mean) * (y - mean);
            }

            var statistic = squares / ((double)rest.Length * rest.Length);
            if (statistic < bestStatistic - 1e-12)
            {
                (best, bestStatistic) = (d, statistic);
            }
        }

        return new SteadyStateResult(IsSteady: best <= k / 2, TruncateAt: best * BatchSize, Points: values.Count);
    }
}
