using PerfTests.Load.Http;
using PerfTests.Load.Results;
using PerfTests.Load.Running;
using PerfTests;
using PerfTests.Suites.Infrastructure;
using PerfTests.Suites.Spike;

namespace PerfTests.Suites.Stress;

/// <summary>
/// Database connection-pool exhaustion: a portal with a pool of 2 and every lease held 100 ms
/// (capacity ~20 queries/s) is offered twice that. It must shed the excess quickly as 503 "Database
/// unavailable" after its connection timeout, never hang, and recover.
/// </summary>
internal static class PoolExhaustion
{
    /// <summary>Scenario name; budgets/stress-pool.yaml judges it.</summary>
    public const string ScenarioName = "pool-exhaustion";

    /// <summary>Portal settings that make the pool the bottleneck.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["SampleSystem:Database:MaxPoolSize"] = "2",
        ["SampleSystem:Database:ConnectionTimeoutSeconds"] = "1",
        ["SampleSystem:SlowQuery"] = "true",
        ["SampleSystem:SlowQueryDelayMs"] = "100",
    };

    /// <summary>Offers pages of clients at <paramref name="perSecond"/>; adds pool metrics from <c>/metrics</c>.</summary>
    public static async Task<(LoadRunResult Run, LoadRunMeasurements Measurements, string Summary)> RunAsync(
        Uri baseAddress, double perSecond, TimeSpan hold, CancellationToken cancellationToken)
    {
        using var http = new HttpStepClient(new HttpStepOptions { MaxConnectionsPerServer = 256 });
        using var metrics = new PortalMetrics(baseAddress);
        var scenario = Scenario.Create(ScenarioName, new PortalSteps(http, baseAddress).ClientsList())
            .WithLoadSimulations(LoadSimulation.ConstantRate(perSecond, hold))
            .WithCapacity(maxWorkers: 256);
        var run = await LoadRunner.RunAsync(scenario, new LoadRunnerOptions { Progress = ProgressMode.Never }, cancellationToken).ConfigureAwait(false);
        var after = await metrics.ReadAsync(cancellationToken).ConfigureAwait(false);
        var saturation = PortalMetrics.Number(after, "database", "peakConnectionsInUse") / PortalMetrics.Number(after, "database", "maxPoolSize");
        var result = run[ScenarioName];
        // Exhaustion must surface as 503 (the documented contract), not as 500s or client timeouts.
        var otherFailures = result.StatusCodes.Where(s => s.Key is not ("200" or "503")).Sum(s => s.Value);
        var summary = $"offered {perSecond}/s: done {result.RequestsPerSecond:0.0}/s, errors {(double)result.FailCount / Math.Max(1, result.RequestCount):P1}, " +
            $"status {string.Join(", ", result.StatusCodes.Select(s => $"{s.Key}={s.Value}"))}, pool peak/max {saturation:P0}, p99 {result.Latency.P99.ValueUs / 1000.0:0} ms";
        var measurements = new LoadRunMeasurements(run)
            .WithMetric(ScenarioName, "pool_saturation", saturation)
            .WithMetric(ScenarioName, "failures_other_than_503", otherFailures);
        return (run, measurements, summary);
    }
}
