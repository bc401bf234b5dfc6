using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Stress;

/// <summary>
/// Database connection-pool exhaustion: a portal with a pool of 2 and every lease held 100 ms
/// (capacity ~20 queries/s) is offered twice that. It must shed the excess quickly as 503 "Database
/// unavailable" after its connection timeout, never hang, and recover.
/// </summary>
/// <param name="perSecond">Pages of clients offered per second.</param>
/// <param name="hold">Length of the load, already final.</param>
internal sealed class PoolExhaustion(double perSecond, TimeSpan hold) : IWorkload
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

    public async Task RunAsync(PerfRunContext context)
    {
        using var metrics = new PortalMetrics(context.Http.BaseAddress);
        var scenario = Scenario.Create(ScenarioName, new PortalSteps(context.Http).ClientsList())
            .WithLoadSimulations(LoadSimulation.ConstantRate(perSecond, hold))
            .WithCapacity(maxWorkers: 256);
        var run = await context.RunLoadAsync([scenario], $"offer {perSecond:0}/s to a 20/s pool", progress: false);
        var after = await metrics.ReadAsync(context.CancellationToken);
        var saturation = PortalMetrics.Number(after, "database", "peakConnectionsInUse") / PortalMetrics.Number(after, "database", "maxPoolSize");
        var result = run[ScenarioName];
        // Exhaustion must surface as 503 (the documented contract), not as 500s or client timeouts.
        var otherFailures = result.StatusCodes.Where(s => s.Key is not ("200" or "503")).Sum(s => s.Value);
        context.Metric(ScenarioName, "pool_saturation", saturation);
        context.Metric(ScenarioName, "failures_other_than_503", otherFailures);
        context.Note("pool exhaustion",
            $"offered {perSecond}/s: done {result.RequestsPerSecond:0.0}/s, errors {(double)result.FailCount / Math.Max(1, result.RequestCount):P1}, " +
            $"status {string.Join(", ", result.StatusCodes.Select(s => $"{s.Key}={s.Value}"))}, pool peak/max {saturation:P0}, p99 {result.Latency.P99.ValueUs / 1000.0:0} ms");
    }
}
