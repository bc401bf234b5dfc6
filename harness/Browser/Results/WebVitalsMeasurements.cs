using PerfTests.Budgets;

namespace PerfTests.Browser;

/// <summary>
/// Web vitals as the budget evaluator sees them: one scope per page (scenario = <see cref="PageVitals.Scope"/>),
/// custom metrics <c>metric(lcp)</c>... with the median over runs; the sample count is the number of runs.
/// </summary>
public sealed class WebVitalsMeasurements : IMeasurements
{
    private readonly Dictionary<string, PageVitals> pages = new(StringComparer.Ordinal);

    /// <summary>Creates measurements from measured pages (a later page with the same scope replaces an earlier one).</summary>
    public WebVitalsMeasurements(IEnumerable<PageVitals> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        foreach (var page in pages)
        {
            this.pages[page.Scope] = page;
        }
    }

    /// <inheritdoc />
    public IScopeMeasurements? Find(string scenario, string? stepName) =>
        stepName is null && pages.TryGetValue(scenario, out var page) ? new Scope(page) : null;

    private sealed class Scope(PageVitals page) : IScopeMeasurements
    {
        public long RequestCount => page.Samples.Count;

        public long FailureCount => 0;

        public long DroppedCount => 0;

        public double RequestsPerSecond => double.NaN;

        public double BytesPerSecond => double.NaN;

        // Page runs carry no request latencies: percentile budgets on a page scope report "not enough data".
        public long LatencySampleCount => 0;

        public double MeanLatencyMs => double.NaN;

        public double MaxLatencyMs => double.NaN;

        public double StdDevLatencyMs => double.NaN;

        public double LatencyAtPercentileMs(double percentile) => double.NaN;

        public double? Metric(string name) => page.Metrics.TryGetValue(name, out var spread) ? spread.Median : null;

        public IReadOnlyCollection<string> MetricNames => [.. page.Metrics.Keys];
    }
}
