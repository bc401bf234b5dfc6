using PerfTests.Budgets;
using PerfTests.Load.Results;

namespace PerfTests.Exporters.Charts;

/// <summary>The per-second charts of one scenario: latency percentiles, throughput, errors.</summary>
internal static class TimelineCharts
{
    private const string XLabel = "time since start of measurement (s)";

    /// <summary>p50/p95/p99 per second (ms), with the budget's p95 and p99 fail limits dashed when set.</summary>
    public static ChartSpec Latency(ScenarioResult scenario, BudgetReport? report, IReadOnlyList<TimelineMark> marks)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var timeline = scenario.Timeline;
        var limits = new List<ReferenceLine>();
        foreach (var (percentile, color) in new[] { (95m, "#b35900"), (99m, "#8b0000") })
        {
            if (BudgetLimits.PercentileFail(report, scenario.Name, percentile) is { } limit)
            {
                limits.Add(new ReferenceLine($"p{percentile} fail limit {limit.Format(new MetricId(MetricKind.Percentile, percentile))}", limit.Value, color));
            }
        }

        return Base(scenario, marks) with
        {
            Title = $"{scenario.Name}: latency per second",
            YLabel = "latency (ms)",
            Series =
            [
                Percentile("p50", 2, "#1f77b4", timeline, p => p.P50Us),
                Percentile("p95", 20, "#ff7f0e", timeline, p => p.P95Us),
                Percentile("p99", 100, "#d62728", timeline, p => p.P99Us),
            ],
            ReferenceLines = limits,
        };
    }

    /// <summary>Finished and dropped iterations per second.</summary>
    public static ChartSpec Throughput(ScenarioResult scenario, IReadOnlyList<TimelineMark> marks)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Base(scenario, marks) with
        {
            Title = $"{scenario.Name}: throughput per second",
            YLabel = "iterations per second (1/s)",
            Series =
            [
                Series("finished/s", "#1f77b4", scenario.Timeline, p => p.Requests),
                Series("dropped/s", "#9467bd", scenario.Timeline, p => p.Dropped, dashed: true),
            ],
        };
    }

    /// <summary>Failures per second (left axis) and error % of that second (right axis), with the error-rate fail limit.</summary>
    public static ChartSpec Errors(ScenarioResult scenario, BudgetReport? report, IReadOnlyList<TimelineMark> marks)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var limits = BudgetLimits.ErrorRateFail(report, scenario.Name) is { } limit
            ? new[] { new ReferenceLine($"error rate fail limit {limit.Format(new MetricId(MetricKind.ErrorRate))}", limit.Value * 100, "#8b0000", ChartAxis.Right) }
            : [];
        return Base(scenario, marks) with
        {
            Title = $"{scenario.Name}: errors per second",
            YLabel = "failures per second (1/s)",
            Y2Label = "error rate (%)",
            Series =
            [
                Series("failures/s", "#d62728", scenario.Timeline, p => p.Failures),
                // A second without finished iterations has no error rate: a gap, not 0 %.
                Series("error %", "#8c564b", scenario.Timeline, p => p.Requests == 0 ? null : 100.0 * p.Failures / p.Requests, ChartAxis.Right, dashed: true),
            ],
            ReferenceLines = limits,
        };
    }

    private static ChartSpec Base(ScenarioResult scenario, IReadOnlyList<TimelineMark> marks) => new()
    {
        Title = scenario.Name,
        XLabel = XLabel,
        YLabel = string.Empty,
        Series = [],
        Marks = marks,
        XMax = scenario.Timeline.Count == 0 ? null : scenario.Timeline.Max(p => p.Second),
        NoDataReason = scenario.Timeline.Count == 0 ? "empty timeline" : null,
    };

    // A point sits in the middle of its second: TimelinePoint.Second = 1 covers [0 s, 1 s).
    private static ChartSeries Series(
        string name, string color, IReadOnlyList<TimelinePoint> timeline, Func<TimelinePoint, double?> value, ChartAxis axis = ChartAxis.Left, bool dashed = false) =>
        new(name, color, [.. timeline.Select(p => new ChartPoint(p.Second - 0.5, value(p)))], axis, dashed);

    /// <summary>
    /// A per-second percentile, left out of seconds with too few samples for it (p99 needs 100, the
    /// budget evaluator's rule): a p99 of 10 samples is just the maximum. The legend says so when it happens.
    /// </summary>
    private static ChartSeries Percentile(string name, long minimumSamples, string color, IReadOnlyList<TimelinePoint> timeline, Func<TimelinePoint, double?> us)
    {
        var hidden = timeline.Count(p => us(p).HasValue && p.Requests < minimumSamples);
        var label = hidden == 0 ? name : $"{name} (shown in seconds with >= {minimumSamples} samples)";
        return Series(label, color, timeline, p => p.Requests >= minimumSamples ? us(p) / 1000.0 : null);
    }
}
