namespace PerfTests.Analysis.Statistics;

/// <summary>
/// Percentile bootstrap confidence interval of the ratio median(B) / median(A). Seeded, so the same
/// samples always give the same interval.
/// </summary>
public static class BootstrapInterval
{
    /// <summary>Resamples each sample with replacement <paramref name="resamples"/> times.</summary>
    /// <param name="a">Baseline sample (its median must be positive).</param>
    /// <param name="b">Candidate sample.</param>
    /// <param name="confidence">Two-sided confidence level, default 0.95.</param>
    /// <param name="resamples">Bootstrap resamples, default 2000.</param>
    /// <param name="seed">Random seed, default 42.</param>
    /// <returns>The (low, high) bounds of the ratio.</returns>
    public static (double Low, double High) RatioOfMedians(
        IReadOnlyList<double> a, IReadOnlyList<double> b, double confidence = 0.95, int resamples = 2000, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 100);
        if (a.Count == 0 || b.Count == 0)
        {
            throw new ArgumentException("Both samples need at least one value.");
        }

#pragma warning disable CA5394 // a seeded generator is required for reproducible intervals, not security
        var random = new Random(seed);
        var ratios = new double[resamples];
        var bufferA = new double[a.Count];
        var bufferB = new double[b.Count];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < bufferA.Length; i++)
            {
                bufferA[i] = a[random.Next(a.Count)];
            }

            for (var i = 0; i < bufferB.Length; i++)
            {
                bufferB[i] = b[random.Next(b.Count)];
            }
#pragma warning restore CA5394

            ratios[r] = SortedMedian(bufferB) / SortedMedian(bufferA);
        }

        Array.Sort(ratios);
        var tail = (1 - confidence) / 2;
        return (Quantile(ratios, tail), Quantile(ratios, 1 - tail));
    }

    /// <summary>Median of a sample (sorted in place).</summary>
    internal static double SortedMedian(double[] values)
    {
        Array.Sort(values);
        var m = values.Length / 2;
        return values.Length % 2 == 1 ? values[m] : (values[m - 1] + values[m]) / 2;
    }

    private static double Quantile(double[] sorted, double q)
    {
        var index = Math.Clamp((int)Math.Floor(q * (sorted.Length - 1)), 0, sorted.Length - 1);
        return sorted[index];
    }
}
