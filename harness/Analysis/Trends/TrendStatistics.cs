using MathNet.Numerics.Distributions;

namespace PerfTests.Analysis.Trends;

/// <summary>Slope estimators for a time series: least squares and the robust Theil-Sen / Mann-Kendall pair.</summary>
public static class TrendStatistics
{
    /// <summary>Points above this are thinned (consecutive groups averaged) before the O(n²) robust fit.</summary>
    public const int MaxRobustPoints = 2_000;

    private static readonly double Z975 = Normal.InvCDF(0, 1, 0.975);

    /// <summary>Least-squares fit; needs at least 3 points with two distinct times, else null.</summary>
    public static LinearFit? FitLinear(IReadOnlyList<SeriesPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var n = points.Count;
        if (n < 3)
        {
            return null;
        }

        double meanX = points.Average(p => p.TimeSeconds), meanY = points.Average(p => p.Value);
        double sxx = 0, sxy = 0, syy = 0;
        foreach (var p in points)
        {
            double dx = p.TimeSeconds - meanX, dy = p.Value - meanY;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }

        if (sxx <= 0)
        {
            return null;
        }

        var slope = sxy / sxx;
        var intercept = meanY - (slope * meanX);
        var ssr = Math.Max(0, syy - (slope * sxy));
        var df = n - 2;
        var se = Math.Sqrt(ssr / df / sxx);
        var tCrit = StudentT.InvCDF(0, 1, df, 0.975);
        double pValue;
        if (se > 0)
        {
            pValue = 2 * (1 - StudentT.CDF(0, 1, df, Math.Abs(slope / se)));
        }
        else
        {
            // A perfect line: any non-zero slope is certain, a flat line shows no trend at all.
            pValue = slope == 0 ? 1 : 0;
        }

        var rSquared = syy > 0 ? 1 - (ssr / syy) : 0;
        return new LinearFit(n, slope, intercept, se, slope - (tCrit * se), slope + (tCrit * se), pValue, rSquared);
    }

    /// <summary>Theil-Sen slope with Sen's interval and the Mann-Kendall test; needs 3 points with two distinct times, else null.</summary>
    public static RobustTrend? FitRobust(IReadOnlyList<SeriesPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var ordered = Thin(points.OrderBy(p => p.TimeSeconds).ToList());
        var n = ordered.Count;
        if (n < 3)
        {
            return null;
        }

        var slopes = new List<double>(n * (n - 1) / 2);
        double s = 0;
        for (var i = 0; i < n - 1; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                s += Math.Sign(ordered[j].Value - ordered[i].Value);
                var dt = ordered[j].TimeSeconds - ordered[i].TimeSeconds;
                if (dt > 0)
                {
                    slopes.Add((ordered[j].Value - ordered[i].Value) / dt);
                }
            }
        }

        if (slopes.Count == 0)
        {
            return null;
        }

        slopes.Sort();
        var varS = KendallVariance(ordered);
        var z = varS <= 0 ? 0 : s > 0 ? (s - 1) / Math.Sqrt(varS) : s < 0 ? (s + 1) / Math.Sqrt(varS) : 0;
        var pValue = varS <= 0 ? 1 : 2 * (1 - Normal.CDF(0, 1, Math.Abs(z)));

        // Sen (1968): the interval is bounded by the order statistics (N -/+ z*sqrt(VarS)) / 2 of the slopes.
        var count = slopes.Count;
        var c = Z975 * Math.Sqrt(Math.Max(varS, 0));
        var lowIndex = Math.Clamp((int)Math.Round((count - c) / 2) - 1, 0, count - 1);
        var highIndex = Math.Clamp((int)Math.Round((count + c) / 2), 0, count - 1);
        return new RobustTrend(n, Median(slopes), slopes[lowIndex], slopes[highIndex], s, z, pValue);
    }

    /// <summary>Median of already sorted values.</summary>
    internal static double Median(IReadOnlyList<double> sorted)
    {
        var m = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private static double KendallVariance(List<SeriesPoint> ordered)
    {
        double n = ordered.Count;
        var tieTerm = ordered.GroupBy(p => p.Value).Select(g => (double)g.Count()).Where(t => t > 1)
            .Sum(t => t * (t - 1) * ((2 * t) + 5));
        return ((n * (n - 1) * ((2 * n) + 5)) - tieTerm) / 18;
    }

    private static List<SeriesPoint> Thin(List<SeriesPoint> ordered)
    {
        if (ordered.Count <= MaxRobustPoints)
        {
            return ordered;
        }

        // Averaging neighbours keeps the trend while bounding the pairwise work (and makes the test more conservative).
        var group = (int)Math.Ceiling(ordered.Count / (double)MaxRobustPoints);
        return ordered.Chunk(group)
            .Select(g => new SeriesPoint(g.Average(p => p.TimeSeconds), g.Average(p => p.Value), g.Sum(p => p.Weight)))
            .ToList();
    }
}
