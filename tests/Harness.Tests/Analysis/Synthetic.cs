using PerfTests.Analysis.Trends;

namespace Harness.Tests.Analysis;

/// <summary>Deterministic synthetic series for the statistics tests (seeded, no clock).</summary>
internal static class Synthetic
{
    /// <summary>A standard normal draw (Box-Muller) from a seeded generator.</summary>
    public static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>
    /// Per-interval p95 values (µs): base * (1 + drift) with multiplicative log-normal noise, the
    /// shape real latency percentiles have (right-skewed, never negative).
    /// </summary>
    public static List<SeriesPoint> LatencySeries(
        Random random, int intervals, double intervalSeconds, double baseUs, double driftUsPerSecond, double noiseSigma)
    {
        var points = new List<SeriesPoint>(intervals);
        for (var i = 0; i < intervals; i++)
        {
            var t = (i + 0.5) * intervalSeconds;
            var value = (baseUs + (driftUsPerSecond * t)) * Math.Exp(noiseSigma * Gaussian(random));
            points.Add(new SeriesPoint(t, value, 100));
        }

        return points;
    }
}
