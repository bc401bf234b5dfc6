using PerfTests.Budgets;

namespace PerfTests;

/// <summary>
/// Everything one run measured, as the budget evaluator reads it: the first source that knows a scope
/// answers (load runs, pages, a test's own measurements), and a scenario scope also answers
/// <c>metric(name)</c> from the metrics the test added for it, then from the sampled resources.
/// A scope known only by its metrics counts no requests and has no latency (not enough data, never 0).
/// </summary>
internal sealed class RunMeasurements(
    IReadOnlyList<IMeasurements> sources,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> metrics,
    IReadOnlyDictionary<string, double> resources) : IMeasurements
{
    public IScopeMeasurements? Find(string scenario, string? stepName)
    {
        var found = sources.Select(s => s.Find(scenario, stepName)).FirstOrDefault(m => m is not null);
        if (stepName is not null)
        {
            // Metrics and resources describe a scenario (or the whole run), never one step of it.
            return found;
        }

        var own = metrics.GetValueOrDefault(scenario);
        if (found is null && own is null)
        {
            return null;
        }

        return new Scope(found, own, resources);
    }

    private sealed class Scope(IScopeMeasurements? inner, IReadOnlyDictionary<string, double>? own, IReadOnlyDictionary<string, double> resources)
        : IScopeMeasurements
    {
        public long RequestCount => inner?.RequestCount ?? 0;

        public long FailureCount => inner?.FailureCount ?? 0;

        public long DroppedCount => inner?.DroppedCount ?? 0;

        public double RequestsPerSecond => inner?.RequestsPerSecond ?? double.NaN;

        public double BytesPerSecond => inner?.BytesPerSecond ?? double.NaN;

        public long LatencySampleCount => inner?.LatencySampleCount ?? 0;

        public double MeanLatencyMs => inner?.MeanLatencyMs ?? double.NaN;

        public double MaxLatencyMs => inner?.MaxLatencyMs ?? double.NaN;

        public double StdDevLatencyMs => inner?.StdDevLatencyMs ?? double.NaN;

        public double MinLatencyMs => inner?.MinLatencyMs ?? double.NaN;

        public IReadOnlyCollection<string> MetricNames =>
            [.. (own?.Keys ?? []).Concat(inner?.MetricNames ?? []).Concat(resources.Keys).Distinct(StringComparer.Ordinal)];

        public double LatencyAtPercentileMs(double percentile) => inner?.LatencyAtPercentileMs(percentile) ?? double.NaN;

        public double? Metric(string name) =>
            own is not null && own.TryGetValue(name, out var value) ? value
            : inner?.Metric(name) is { } innerValue ? innerValue
            : resources.TryGetValue(name, out var resource) ? resource
            : null;
    }
}
