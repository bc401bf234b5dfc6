using System.Globalization;
using PerfTests.Analysis.Trends;

namespace PerfTests.Analysis.Endurance;

/// <summary>Memory growth of the system under test and the leak verdict, with its confidence.</summary>
public sealed record LeakReport
{
    /// <summary>The verdict.</summary>
    public required LeakVerdict Verdict { get; init; }

    /// <summary>
    /// Confidence in the verdict, 0..1: for Leak/Suspected the probability that the projected growth
    /// exceeds the limit, for NoLeak the probability that it does not; null for NotEnoughData.
    /// </summary>
    public double? Confidence { get; init; }

    /// <summary>Bins (medians of <see cref="LeakOptions.BinWidth"/>) the fit used.</summary>
    public required int BinCount { get; init; }

    /// <summary>Theil-Sen growth, MiB per hour (null without enough data).</summary>
    public double? GrowthMbPerHour { get; init; }

    /// <summary>Sen's 95 % interval of the growth, MiB per hour.</summary>
    public (double Low, double High)? GrowthMbPerHourCi { get; init; }

    /// <summary>Growth projected over the nominal duration, MiB.</summary>
    public double? ProjectedGrowthMb { get; init; }

    /// <summary>Probability (0..1, least-squares slope and its t-distribution) that the projection exceeds the limit.</summary>
    public double? ExceedProbability { get; init; }

    /// <summary>Two-sided Mann-Kendall p-value of "no trend".</summary>
    public double? TrendPValue { get; init; }

    /// <summary>The limit judged against, MiB over <see cref="NominalDuration"/>.</summary>
    public required double LimitMb { get; init; }

    /// <summary>The duration the growth was projected over.</summary>
    public required TimeSpan NominalDuration { get; init; }

    /// <summary>The least-squares fit in MiB per second (for charts).</summary>
    public LinearFit? Linear { get; init; }

    /// <summary>Named values for budgets (see <see cref="AnalysisMetricNames"/>); empty when not enough data.</summary>
    public IReadOnlyDictionary<string, double> ToMetrics(string prefix = "memory")
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        if (Verdict == LeakVerdict.NotEnoughData)
        {
            return metrics;
        }

        metrics[prefix + AnalysisMetricNames.GrowthMbPerHourSuffix] = GrowthMbPerHour!.Value;
        metrics[prefix + AnalysisMetricNames.ProjectedGrowthMbSuffix] = ProjectedGrowthMb!.Value;
        metrics[prefix + AnalysisMetricNames.LeakProbabilitySuffix] = ExceedProbability!.Value;
        return metrics;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        if (Verdict == LeakVerdict.NotEnoughData)
        {
            return $"memory: not enough data ({BinCount} bins): no verdict";
        }

        var ci = GrowthMbPerHourCi!.Value;
        return string.Create(CultureInfo.InvariantCulture,
            $"memory {GrowthMbPerHour:+0.##;-0.##;0} MB/h (95% CI {ci.Low:+0.##;-0.##;0}..{ci.High:+0.##;-0.##;0}), " +
            $"projected {ProjectedGrowthMb:+0.#;-0.#;0} MB over {NominalDuration.TotalHours:0.##} h vs limit {LimitMb:0.#} MB, " +
            $"Mann-Kendall p={Formatting.PValue(TrendPValue!.Value)}, P(exceed)={Formatting.Probability(ExceedProbability!.Value)} over {BinCount} bins: " +
            $"{Verdict} (confidence {Formatting.Probability(Confidence!.Value)})");
    }
}
