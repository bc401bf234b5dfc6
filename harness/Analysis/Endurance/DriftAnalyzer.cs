using PerfTests.Analysis.Trends;
using PerfTests.Load.Results;

namespace PerfTests.Analysis.Endurance;

/// <summary>Latency drift over an endurance run: slope of per-interval p95 with its confidence.</summary>
public static class DriftAnalyzer
{
    /// <summary>Drift of the scenario's per-interval p95 (corrected latency).</summary>
    public static DriftReport AnalyzeP95(ScenarioResult scenario, DriftOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= new DriftOptions();
        options.Validate();
        return Analyze(TimelineIntervals.P95(scenario.Timeline, options.Interval), options);
    }

    /// <summary>Drift of any series of interval values in µs (time in seconds).</summary>
    public static DriftReport Analyze(IReadOnlyList<SeriesPoint> series, DriftOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= new DriftOptions();
        options.Validate();
        var enough = series.Count >= options.MinIntervals;
        return new DriftReport
        {
            IntervalCount = series.Count,
            Alpha = options.Alpha,
            MeanUs = series.Count > 0 ? series.Average(p => p.Value) : null,
            Linear = enough ? TrendStatistics.FitLinear(series) : null,
            Robust = enough ? TrendStatistics.FitRobust(series) : null,
        };
    }
}
