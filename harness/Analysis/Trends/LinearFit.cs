namespace PerfTests.Analysis.Trends;

/// <summary>
/// Ordinary least-squares line y = intercept + slope * t, with the slope's standard error, its 95 %
/// confidence interval and the two-sided p-value of "slope = 0" (Student t, n - 2 degrees of freedom).
/// Slopes are in value units per second.
/// </summary>
public sealed record LinearFit(
    int Count,
    double Slope,
    double Intercept,
    double SlopeStandardError,
    double SlopeCiLow,
    double SlopeCiHigh,
    double PValue,
    double RSquared);
