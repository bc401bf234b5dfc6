using MathNet.Numerics.Distributions;

namespace PerfTests.Analysis.Statistics;

/// <summary>
/// Mann-Whitney U (Wilcoxon rank-sum) test, which MathNet lacks: exact for small samples without
/// ties, otherwise the normal approximation with tie and continuity correction (as scipy's
/// <c>mannwhitneyu</c> does). Rank based, so heavy latency tails do not dominate it.
/// </summary>
public static class MannWhitney
{
    /// <summary>Largest size of each sample for which the exact distribution is used. Default rule: both ≤ 20.</summary>
    public const int ExactLimit = 20;

    /// <summary>Two-sided test of <paramref name="a"/> against <paramref name="b"/>; both need at least one value.</summary>
    public static MannWhitneyResult Test(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
        {
            throw new ArgumentException("Both samples need at least one value.");
        }

        int n1 = a.Count, n2 = b.Count, n = n1 + n2;
        var all = a.Select(v => (Value: v, FromA: true)).Concat(b.Select(v => (Value: v, FromA: false)))
            .OrderBy(x => x.Value).ToArray();

        // Mid-ranks for ties; the tie term sum(t^3 - t) shrinks the variance.
        double rankSumA = 0, tieTerm = 0;
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && all[j + 1].Value.Equals(all[i].Value))
            {
                j++;
            }

            var midRank = ((i + j) / 2.0) + 1;
            for (var k = i; k <= j; k++)
            {
                rankSumA += all[k].FromA ? midRank : 0;
            }

            double t = j - i + 1;
            tieTerm += (t * t * t) - t;
            i = j + 1;
        }

        var u = rankSumA - (n1 * (n1 + 1) / 2.0);
        if (tieTerm == 0 && n1 <= ExactLimit && n2 <= ExactLimit)
        {
            return new MannWhitneyResult(u, n1, n2, 0, ExactPValue((int)u, n1, n2), true);
        }

        var mean = n1 * (double)n2 / 2;
        var variance = n1 * (double)n2 / 12 * ((n + 1) - (tieTerm / (n * (double)(n - 1))));
        if (variance <= 0)
        {
            return new MannWhitneyResult(u, n1, n2, 0, 1, false);
        }

        // Continuity correction: move half a step towards the mean.
        var z = (u - mean - (0.5 * Math.Sign(u - mean))) / Math.Sqrt(variance);
        var p = Math.Min(1, 2 * (1 - Normal.CDF(0, 1, Math.Abs(z))));
        return new MannWhitneyResult(u, n1, n2, z, p, false);
    }

    private static double ExactPValue(int u, int n1, int n2)
    {
        var counts = UDistribution(n1, n2);
        var total = counts.Sum();
        double lower = 0, upper = 0;
        for (var k = 0; k < counts.Length; k++)
        {
            lower += k <= u ? counts[k] : 0;
            upper += k >= u ? counts[k] : 0;
        }

        return Math.Min(1, 2 * Math.Min(lower, upper) / total);
    }

    /// <summary>Number of arrangements giving each U (0..n1*n2), by the recurrence f(m, n) = f(m-1, n) shifted by n + f(m, n-1).</summary>
    private static double[] UDistribution(int n1, int n2)
    {
        // table[m][n] is the count vector for sample sizes m and n, built up from the empty cases.
        var table = new double[n1 + 1, n2 + 1][];
        for (var m = 0; m <= n1; m++)
        {
            for (var k = 0; k <= n2; k++)
            {
                var counts = new double[(m * k) + 1];
                if (m == 0 || k == 0)
                {
                    counts[0] = 1;
                }
                else
                {
                    // The largest value is in A (it beats all k of B) or in B.
                    var fromA = table[m - 1, k];
                    var fromB = table[m, k - 1];
                    for (var x = 0; x < fromA.Length; x++)
                    {
                        counts[x + k] += fromA[x];
                    }

                    for (var x = 0; x < fromB.Length; x++)
                    {
                        counts[x] += fromB[x];
                    }
                }

                table[m, k] = counts;
            }
        }

        return table[n1, n2];
    }
}
