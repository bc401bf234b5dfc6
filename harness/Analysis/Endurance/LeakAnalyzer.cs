using MathNet.Numerics.Distributions;
using PerfTests.Analysis.Trends;

namespace PerfTests.Analysis.Endurance;

/// <summary>
/// Decides whether the memory of the system under test grows in a way that matters: a significant
/// upward trend (Mann-Kendall) is required, and the verdict depends on how likely the growth
/// projected over the nominal endurance duration exceeds the limit.
/// </summary>
public static class LeakAnalyzer
{
    /// <summary>Analyses memory samples (values in bytes).</summary>
    public static LeakReport Analyze(IReadOnlyList<ResourceSample> samples, LeakOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        options ??= new LeakOptions();
        options.Validate();

        var bins = Bin(samples, options);
        var linear = bins.Count >= options.MinBins ? TrendStatistics.FitLinear(bins) : null;
        var robust = bins.Count >= options.MinBins ? TrendStatistics.FitRobust(bins) : null;
        if (linear is null || robust is null)
        {
            return new LeakReport
            {
                Verdict = LeakVerdict.NotEnoughData, BinCount = bins.Count,
                LimitMb = options.MaxProjectedGrowthMb, NominalDuration = options.NominalDuration,
            };
        }

        var nominalSeconds = options.NominalDuration.TotalSeconds;
        var limitSlope = options.MaxProjectedGrowthMb / nominalSeconds;
        var exceed = ExceedProbability(linear, limitSlope);
        var significant = robust.PValue < options.Alpha && robust.Slope > 0;
        var projected = robust.Slope * nominalSeconds;

        LeakVerdict verdict;
        if (significant && exceed >= options.LeakConfidence)
        {
            verdict = LeakVerdict.Leak;
        }
        else if (significant && (exceed >= 0.5 || projected > options.MaxProjectedGrowthMb))
        {
            verdict = LeakVerdict.Suspected;
        }
        else
        {
            verdict = LeakVerdict.NoLeak;
        }

        return new LeakReport
        {
            Verdict = verdict,
            Confidence = verdict == LeakVerdict.NoLeak ? 1 - exceed : exceed,
            BinCount = bins.Count,
            GrowthMbPerHour = Units.PerSecondToPerHour(robust.Slope),
            GrowthMbPerHourCi = (Units.PerSecondToPerHour(robust.SlopeCiLow), Units.PerSecondToPerHour(robust.SlopeCiHigh)),
            ProjectedGrowthMb = projected,
            ExceedProbability = exceed,
            TrendPValue = robust.PValue,
            LimitMb = options.MaxProjectedGrowthMb,
            NominalDuration = options.NominalDuration,
            Linear = linear,
        };
    }

    private static double ExceedProbability(LinearFit fit, double limitSlope)
    {
        if (fit.SlopeStandardError <= 0)
        {
            return fit.Slope > limitSlope ? 1 : 0;
        }

        // P(true slope > limit) with the slope's sampling distribution t(n-2) around the estimate.
        return 1 - StudentT.CDF(fit.Slope, fit.SlopeStandardError, fit.Count - 2, limitSlope);
    }

    private static List<SeriesPoint> Bin(IReadOnlyList<ResourceSample> samples, LeakOptions options)
    {
        var width = options.BinWidth.TotalSeconds;
        return samples
            .Where(s => s.At >= options.SkipInitial && double.IsFinite(s.Value))
            .GroupBy(s => (long)Math.Floor(s.At.TotalSeconds / width))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var values = g.Select(s => s.Value / Units.BytesPerMb).Order().ToList();
                return new SeriesPoint((g.Key + 0.5) * width, TrendStatistics.Median(values), values.Count);
            })
            .ToList();
    }
}
