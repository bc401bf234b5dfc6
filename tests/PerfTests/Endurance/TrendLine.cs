namespace PerfTests.Suites.Endurance;

/// <summary>
/// Ordinary least-squares line y = a + b·x with the slope's standard error. A stand-in until
/// harness/Analysis (Theil-Sen / Mann-Kendall) lands on main. Samples of a run are autocorrelated,
/// so the standard error is optimistic: confidences built on it are upper bounds.
/// </summary>
/// <param name="Slope">b, in y units per x unit.</param>
/// <param name="Intercept">a.</param>
/// <param name="SlopeStandardError">Standard error of b; +∞ with fewer than 3 points.</param>
/// <param name="Count">Points fitted.</param>
internal sealed record TrendLine(double Slope, double Intercept, double SlopeStandardError, int Count)
{
    /// <summary>Fits the line; fewer than 2 points or no spread in x gives slope 0 with infinite error.</summary>
    public static TrendLine Fit(IReadOnlyList<(double X, double Y)> points)
    {
        var n = points.Count;
        if (n < 2)
        {
            return new TrendLine(0, n == 1 ? points[0].Y : 0, double.PositiveInfinity, n);
        }

        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var sxx = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        if (sxx == 0)
        {
            return new TrendLine(0, meanY, double.PositiveInfinity, n);
        }

        var slope = points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / sxx;
        var intercept = meanY - (slope * meanX);
        var residual = points.Sum(p => Math.Pow(p.Y - (intercept + (slope * p.X)), 2));
        var se = n > 2 ? Math.Sqrt(residual / (n - 2) / sxx) : double.PositiveInfinity;
        return new TrendLine(slope, intercept, se, n);
    }

    /// <summary>
    /// Theil-Sen slope: the median of all pairwise slopes. One stalled interval (a neighbour's build on
    /// a shared runner) moves it far less than the least-squares slope; 0 with fewer than 2 points.
    /// </summary>
    public static double TheilSenSlope(IReadOnlyList<(double X, double Y)> points)
    {
        var slopes = new List<double>();
        for (var i = 0; i < points.Count; i++)
        {
            for (var j = i + 1; j < points.Count; j++)
            {
                if (points[j].X != points[i].X)
                {
                    slopes.Add((points[j].Y - points[i].Y) / (points[j].X - points[i].X));
                }
            }
        }

        if (slopes.Count == 0)
        {
            return 0;
        }

        slopes.Sort();
        return slopes.Count % 2 == 1 ? slopes[slopes.Count / 2] : (slopes[(slopes.Count / 2) - 1] + slopes[slopes.Count / 2]) / 2;
    }

    /// <summary>Confidence (0..1) that the true slope exceeds <paramref name="threshold"/> (normal approximation).</summary>
    public double ConfidenceAbove(double threshold) =>
        double.IsPositiveInfinity(SlopeStandardError) ? 0.5
        : SlopeStandardError == 0 ? (Slope > threshold ? 1 : 0)
        : NormalCdf((Slope - threshold) / SlopeStandardError);

    /// <summary>95% interval of the slope (normal approximation).</summary>
    public (double Low, double High) Interval95 => (Slope - (1.96 * SlopeStandardError), Slope + (1.96 * SlopeStandardError));

    // Abramowitz & Stegun 7.1.26 (error below 1.5e-7): plenty for a verdict.
    internal static double NormalCdf(double z)
    {
        var x = Math.Abs(z) / Math.Sqrt(2);
        var t = 1 / (1 + (0.3275911 * x));
        var erf = 1 - ((((((1.061405429 * t) - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }
}
