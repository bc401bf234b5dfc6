using PerfTests.Budgets;


namespace PerfTests.Load.Results;

/// <summary>
/// Presents an engine run to the budget evaluator: one scope per scenario and one per step.
/// Latencies are the corrected ones (from the intended start), converted from µs to ms.
/// </summary>
public sealed class LoadRunMeasurements : IMeasurements
{
    private readonly LoadRunResult _run;
    private readonly Dictionary<string, Dictionary<string, double>> _extraMetrics = new(StringComparer.Ordinal);

    /// <summary>Wraps a finished (or cancelled, partial) run.</summary>
    public LoadRunMeasurements(LoadRunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        _run = run;
    }

    /// <summary>Adds a custom metric (resource usage, drift, ...) to a scenario scope, judged by name.</summary>
    public LoadRunMeasurements WithMetric(string scenario, string name, double value)
    {
        if (!_extraMetrics.TryGetValue(scenario, out var metrics))
        {
            _extraMetrics[scenario] = metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        }

        metrics[name] = value;
        return this;
    }

    /// <inheritdoc />
    public IScopeMeasurements? Find(string scenario, string? stepName)
    {
        var result = _run.Scenarios.FirstOrDefault(s => s.Name == scenario);
        if (result is null)
        {
            return null;
        }

        _extraMetrics.TryGetValue(scenario, out var extra);
        if (stepName is null)
        {
            return new Scope(result.Latency, result.RequestCount, result.FailCount, result.DroppedCount,
                result.RequestsPerSecond, result.BytesPerSecond, extra);
        }

        var step = result.Steps.FirstOrDefault(s => s.Name == stepName);
        // Dropped iterations never reached any step, so a step scope reports none of its own.
        return step is null
            ? null
            : new Scope(step.Latency, step.OkCount + step.FailCount, step.FailCount, 0,
                step.RequestsPerSecond, step.BytesPerSecond, null);
    }

    private sealed class Scope(
        LatencyStats latency,
        long requests,
        long failures,
        long dropped,
        double requestsPerSecond,
        double bytesPerSecond,
        IReadOnlyDictionary<string, double>? extra) : IScopeMeasurements
    {
        public long RequestCount => requests;

        public long FailureCount => failures;

        public long DroppedCount => dropped;

        public double RequestsPerSecond => requestsPerSecond;

        public double BytesPerSecond => bytesPerSecond;

        public long LatencySampleCount => latency.Count;

        // NaN, not 0, when nothing was measured: the evaluator checks the sample count first.
        public double MeanLatencyMs => latency.MeanUs is { } us ? us / 1000.0 : double.NaN;

        public double MaxLatencyMs => latency.MaxUs is { } us ? us / 1000.0 : double.NaN;

        public double StdDevLatencyMs => latency.StdDevUs is { } us ? us / 1000.0 : double.NaN;

        public double LatencyAtPercentileMs(double percentile) =>
            latency.GetPercentile(percentile).ValueUs is { } us ? us / 1000.0 : double.NaN;

        public double? Metric(string name) =>
            extra is not null && extra.TryGetValue(name, out var value) ? value : null;

        public IReadOnlyCollection<string> MetricNames => extra is null ? [] : [.. extra.Keys];
    }
}
