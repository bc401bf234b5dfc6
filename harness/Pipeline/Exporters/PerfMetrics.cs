using PerfTests.Load.Results;
using PerfTests.Reporting.Context;

namespace PerfTests.Exporters;

/// <summary>
/// The headline numbers of a scenario as Allure 3 metrics (trended across runs). Keys are
/// "&lt;scenario&gt; p95" etc., stable across runs; a value that cannot be honest (too few samples
/// for the percentile, no requests) is left out rather than recorded as 0.
/// </summary>
internal static class PerfMetrics
{
    public static void Record(ExportContext sink, ScenarioResult scenario)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(scenario);
        Percentile(sink, scenario, "p95", scenario.Latency.P95, 20);
        Percentile(sink, scenario, "p99", scenario.Latency.P99, 100);
        if (scenario.Duration > TimeSpan.Zero)
        {
            sink.Metric($"{scenario.Name} rps", Math.Round(scenario.RequestsPerSecond, 2), "req/s", MetricDirection.HigherIsBetter);
        }

        if (scenario.RequestCount > 0)
        {
            var errorPct = 100.0 * scenario.FailCount / scenario.RequestCount;
            sink.Metric($"{scenario.Name} error rate", Math.Round(errorPct, 3), "%", MetricDirection.LowerIsBetter);
        }
    }

    // Same rule as the budget evaluator: a pN needs 1/(1-N) samples before it describes a tail.
    private static void Percentile(ExportContext sink, ScenarioResult scenario, string name, PercentileValue value, long minimumSamples)
    {
        if (value.ValueUs is { } us && value.SampleCount >= minimumSamples)
        {
            sink.Metric($"{scenario.Name} {name}", Math.Round(us / 1000, 3), "ms", MetricDirection.LowerIsBetter);
        }
    }
}
