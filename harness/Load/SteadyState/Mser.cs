using PerfTests.Load.Results;

namespace PerfTests.Load.SteadyState;

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

    /// <summary>The shortest series (seconds) the detector judges: six batches; shorter ones are "not enough data".</summary>
    public const int MinimumPoints = (MinimumLeft + 1) * BatchSize;

    /// <summary>Where the per-second p95 (ms) of <paramref name="scenario"/>'s measured timeline becomes steady.</summary>
    public static SteadyStateResult DetectPerSecondP95(ScenarioResult scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Detect([.. scenario.Timeline.Where(p => p.P95Us is not null).Select(p => p.P95Us!.Value / 1000.0)]);
    }

    /// <summary>Detects where <paramref name="series"/> (one value a second, e.g. per-second p95) is steady.</summary>
    public static SteadyStateResult Detect(IReadOnlyList<double> series) => Detect(series, online: false);

    /// <summary>
    /// The stricter question an auto warm-up asks of the series so far, second by second: steady as
    /// <see cref="Detect(IReadOnlyList{double})"/> says, and the best cut is not the last candidate. On a
    /// short series every cut lies in the first half, so a drift would pass; but a drift's statistic keeps
    /// falling to the last candidate, where a settled series has its minimum before it. A series that
    /// settled and lands there by chance just waits another second.
    /// </summary>
    public static SteadyStateResult DetectSettled(IReadOnlyList<double> series) => Detect(series, online: true);

    private static SteadyStateResult Detect(IReadOnlyList<double> series, bool online)
    {
        ArgumentNullException.ThrowIfNull(series);
        var values = series.Where(double.IsFinite).ToList();
        var k = values.Count / BatchSize;
        if (values.Count < MinimumPoints)
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

        var steady = best <= k / 2 && (!online || best < k - MinimumLeft);
        return new SteadyStateResult(IsSteady: steady, TruncateAt: best * BatchSize, Points: values.Count);
    }
}
