using System.Globalization;
using PerfTests.Budgets;
using PerfTests.Load.Results;

namespace PerfTests.Exporters.Charts;

/// <summary>
/// The latency percentile spectrum (HdrHistogram style): x = -log10(1 - p/100), so 50 %, 90 %, 99 %,
/// 99.9 %, 99.99 % are evenly spaced. The line stops where the samples stop (p needs 1/(1-p) samples),
/// so a p99.99 is never drawn from 1,000 samples.
/// </summary>
internal static class DistributionChart
{
    /// <summary>Fewer samples than this make a spectrum meaningless: the chart says "not enough data".</summary>
    internal const long MinimumSamples = 10;

    private const double Step = 0.05;
    private static readonly double Start = Math.Log10(2);

    /// <summary>The spectrum of the scenario's latency, with the budget's percentile fail limits as points when given.</summary>
    public static ChartSpec Build(ScenarioResult scenario, BudgetReport? report = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var count = scenario.Latency.Count;
        var end = count < MinimumSamples ? 1 : Math.Min(4, Math.Log10(count));
        var series = new List<ChartSeries> { Spectrum("from intended start (corrected)", "#1f77b4", scenario.Latency, end, dashed: false) };
        if (scenario.UncorrectedLatency.Count >= MinimumSamples)
        {
            series.Add(Spectrum("from actual start (uncorrected)", "#7f7f7f", scenario.UncorrectedLatency, end, dashed: true));
        }

        return new ChartSpec
        {
            Title = $"{scenario.Name}: latency distribution (n={count.ToString(CultureInfo.InvariantCulture)})",
            XLabel = "percentile",
            YLabel = "latency (ms)",
            Series = series,
            XMin = Start,
            XMax = end,
            XTicks = [.. new[] { (50.0, "p50"), (90, "p90"), (99, "p99"), (99.9, "p99.9"), (99.99, "p99.99") }
                .Select(t => new AxisTick(ToX(t.Item1), t.Item2))
                .Where(t => t.Value <= end + 1e-9)],
            Markers = [.. Limits(report, scenario.Name, end)],
            NoDataReason = count < MinimumSamples ? $"{count.ToString(CultureInfo.InvariantCulture)} samples, needs >= {MinimumSamples}" : null,
        };
    }

    // Each percentile fail limit sits at its own percentile: the curve must pass below every diamond.
    private static IEnumerable<ChartMarker> Limits(BudgetReport? report, string scenario, double end) =>
        (report?.Budget.Scopes ?? [])
            .Where(s => s.Step is null && s.Scenario == scenario)
            .SelectMany(s => s.Metrics)
            .Where(m => m.Metric.Kind == MetricKind.Percentile && m.Fail is not null)
            .Select(m => new ChartMarker(ToX((double)m.Metric.Percentile), m.Fail!.Value, $"{m.Metric.Name} fail {m.Fail.Format(m.Metric)}", "#8b0000"))
            .Where(m => m.X <= end + 1e-9);

    internal static double ToX(double percentile) => -Math.Log10(1 - (percentile / 100));

    private static ChartSeries Spectrum(string name, string color, LatencyStats stats, double end, bool dashed)
    {
        var points = new List<ChartPoint>();
        var steps = (int)Math.Floor((end - Start) / Step);
        for (var i = 0; i <= steps; i++)
        {
            points.Add(PointAt(stats, Start + (i * Step)));
        }

        if (end - (Start + (steps * Step)) > 1e-9)
        {
            points.Add(PointAt(stats, end));
        }

        return new ChartSeries(name, color, points, Dashed: dashed);
    }

    private static ChartPoint PointAt(LatencyStats stats, double x)
    {
        var percentile = Math.Min(100, 100 * (1 - Math.Pow(10, -x)));
        return new ChartPoint(x, stats.GetPercentile(percentile).ValueUs / 1000.0);
    }
}
