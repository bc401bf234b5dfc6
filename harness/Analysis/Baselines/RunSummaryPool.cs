using HdrHistogram;
using PerfTests.Load.Histograms;

namespace PerfTests.Analysis.Baselines;

/// <summary>
/// Pools several runs of the same build into one summary: interval samples are concatenated, counts
/// summed, and percentiles recomputed from the merged histograms (null when any run kept none).
/// </summary>
public static class RunSummaryPool
{
    /// <summary>Pools <paramref name="runs"/> (at least one; same interval length).</summary>
    public static RunSummary Pool(IReadOnlyList<RunSummary> runs, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            throw new ArgumentException("Nothing to pool.", nameof(runs));
        }

        if (runs.Select(r => r.IntervalSeconds).Distinct().Count() > 1)
        {
            throw new ArgumentException("Runs with different interval lengths cannot be pooled.", nameof(runs));
        }

        var names = runs.SelectMany(r => r.Scenarios.Select(s => s.Name)).Distinct().ToList();
        return new RunSummary
        {
            Suite = runs[0].Suite,
            Label = label ?? runs[0].Label,
            StartedAt = runs.Min(r => r.StartedAt),
            IntervalSeconds = runs[0].IntervalSeconds,
            IsCancelled = runs.Any(r => r.IsCancelled),
            Scenarios = [.. names.Select(n => PoolScenario(n, runs.Select(r => r.Find(n)).OfType<ScenarioSummary>().ToList()))],
        };
    }

    private static ScenarioSummary PoolScenario(string name, List<ScenarioSummary> parts)
    {
        var requests = parts.Sum(p => p.RequestCount);
        var fails = parts.Sum(p => p.FailCount);
        var duration = parts.Sum(p => p.DurationSeconds);
        var merged = Merge(parts);
        double? At(double percentile) => merged is { TotalCount: > 0 } h ? h.GetValueAtPercentile(percentile) : null;
        return new ScenarioSummary
        {
            Name = name,
            DurationSeconds = duration,
            RequestCount = requests,
            FailCount = fails,
            DroppedCount = parts.Sum(p => p.DroppedCount),
            RequestsPerSecond = duration > 0 ? requests / duration : 0,
            ErrorRate = requests == 0 ? 0 : fails / (double)requests,
            P50Us = At(50),
            P95Us = At(95),
            P99Us = At(99),
            IntervalP95Us = [.. parts.SelectMany(p => p.IntervalP95Us)],
            // The pooled summary is for comparison only; the runs' own logs stay with the runs.
            HistogramLogBase64 = null,
        };
    }

    private static LongHistogram? Merge(List<ScenarioSummary> parts)
    {
        var merged = HistogramSettings.Create();
        foreach (var part in parts)
        {
            var histogram = SummaryHistograms.ReadLatency(part);
            if (histogram is null)
            {
                return null;
            }

            merged.Add(histogram);
        }

        return merged;
    }
}
