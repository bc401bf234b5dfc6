namespace PerfTests.Browser;

/// <summary>
/// Lighthouse 13's performance score (core/audits/metrics/*.js, shared/statistics.js, shared/util.js,
/// core/scoring.js): each metric is scored on a log-normal curve through its p10 (score 0.9) and median
/// (score 0.5) control points, then the category is the weighted mean of the metric scores. Reproduced
/// so a lab run reads on the scale people know from Lighthouse reports.
/// </summary>
internal static class PerformanceScore
{
    // erfc⁻¹(1/5): turns the p10/median log-ratio into the curve's shape.
    private const double InverseErfcOneFifth = 0.9061938024368232;

    // Lighthouse clamps to the exact doubles bounding each band so a value at p10 (median) never scores below 0.9 (0.5).
    private static readonly double MaxAverageScore = Math.BitDecrement(0.9);
    private static readonly double MaxFailingScore = Math.BitDecrement(0.5);

    private sealed record Curve(double P10, double Median);

    private sealed record Scoring(double Weight, Curve Mobile, Curve Desktop);

    // Control points from each audit's defaultOptions, weights from the default config's performance category.
    private static readonly Dictionary<string, Scoring> Metrics = new(StringComparer.Ordinal)
    {
        [VitalMetrics.Fcp] = new(10, new(1800, 3000), new(934, 1600)),
        [VitalMetrics.SpeedIndex] = new(10, new(3387, 5800), new(1311, 2300)),
        [VitalMetrics.Lcp] = new(25, new(2500, 4000), new(1200, 2400)),
        [VitalMetrics.Tbt] = new(30, new(200, 600), new(150, 350)),
        [VitalMetrics.Cls] = new(25, new(0.1, 0.25), new(0.1, 0.25)),
        // Reported in Lighthouse's hidden group with weight 0: scored, never counted.
        [VitalMetrics.Tti] = new(0, new(3785, 7300), new(2468, 4500)),
    };

    /// <summary>
    /// One metric's Lighthouse score in 0..1, floored to two decimals; values under p10 get Lighthouse's
    /// small boost so a perfect 1 is reachable. Null for a metric Lighthouse does not score or a NaN value.
    /// </summary>
    /// <param name="metric">A <see cref="VitalMetrics"/> name: fcp, speed_index, lcp, tbt, cls or tti.</param>
    /// <param name="value">The metric in its unit: ms, or unitless for CLS.</param>
    /// <param name="formFactor">Which curve set to use.</param>
    public static double? MetricScore(string metric, double value, FormFactor formFactor)
    {
        if (double.IsNaN(value) || !Metrics.TryGetValue(metric, out var scoring))
        {
            return null;
        }

        var score = LogNormalScore(formFactor == FormFactor.Mobile ? scoring.Mobile : scoring.Desktop, value);
        if (score > 0.9)
        {
            // Stretches (0.9, 1] to (0.9, 1.005] so more top results floor to 1.
            score += 0.05 * (score - 0.9);
        }

        return Math.Floor(score * 100) / 100;
    }

    /// <summary>
    /// The performance category score in 0..1 (reports show it times 100): the weighted mean of the metric
    /// scores, rounded to two decimals. Null when a weighted metric (fcp, speed_index, lcp, tbt, cls) is
    /// missing, as Lighthouse shows no performance score when one of them failed; tti is optional.
    /// </summary>
    public static double? Category(IReadOnlyDictionary<string, double> metrics, FormFactor formFactor)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        double sum = 0, weights = 0;
        foreach (var (name, scoring) in Metrics.Where(m => m.Value.Weight > 0))
        {
            if (!metrics.TryGetValue(name, out var value) || MetricScore(name, value, formFactor) is not { } score)
            {
                return null;
            }

            sum += score * scoring.Weight;
            weights += scoring.Weight;
        }

        // Math.Floor(x + 0.5) is JavaScript's Math.round (halves up), which Lighthouse uses.
        return Math.Floor(sum / weights * 100 + 0.5) / 100;
    }

    /// <summary>
    /// Abramowitz and Stegun 7.1.26 (error under 1.5e-7), the approximation Lighthouse itself uses: with an exact
    /// erf a value at median²/p10 (score exactly 0.1) floors to 0.09 where Lighthouse shows 0.1.
    /// </summary>
    private static double Erf(double x)
    {
        var t = 1 / (1 + 0.3275911 * Math.Abs(x));
        var y = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        return Math.Sign(x) * (1 - y * Math.Exp(-x * x));
    }

    /// <summary>The share of the log-normal distribution above <paramref name="value"/>, clamped into its band.</summary>
    private static double LogNormalScore(Curve curve, double value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var logRatio = Math.Log(Math.Max(double.Epsilon, value / curve.Median));
        var p10LogRatio = -Math.Log(curve.P10 / curve.Median);
        var complementaryPercentile = (1 - Erf(logRatio * InverseErfcOneFifth / p10LogRatio)) / 2;
        return value <= curve.P10 ? Math.Clamp(complementaryPercentile, 0.9, 1)
            : value <= curve.Median ? Math.Clamp(complementaryPercentile, 0.5, MaxAverageScore)
            : Math.Clamp(complementaryPercentile, 0, MaxFailingScore);
    }
}
