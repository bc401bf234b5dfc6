using PerfTests.Containers.Faults;
using PerfTests.Load.Http;
using PerfTests.Load.Results;
using PerfTests.Load.Running;
using PerfTests;
using PerfTests.Suites.Infrastructure;
using PerfTests.Suites.Spike;

namespace PerfTests.Suites.Degradation;

/// <summary>Load runs with a dependency broken for the middle third (Redis) or half (downstream) of the run.</summary>
internal static class FaultDegradationRuns
{
    /// <summary>Scenario of the Redis drill (budgets/degradation-redis.yaml).</summary>
    public const string RedisDown = "redis-down";

    /// <summary>Scenario of the downstream drill (budgets/degradation-downstream.yaml).</summary>
    public const string DownstreamErrors = "downstream-errors";

    /// <summary>
    /// Client details (Redis cache-aside) at 20/s; Redis is paused for the middle third, so reads
    /// time out (500 ms) and fall back to Postgres: slower, never an error.
    /// </summary>
    public static async Task<(LoadRunResult Run, LoadRunMeasurements Measurements, string Summary)> RedisPausedAsync(
        PortalEnvironment environment, TimeSpan hold, CancellationToken cancellationToken)
    {
        var redis = environment.Dependencies?.RedisContainer
            ?? throw new InvalidOperationException("The Redis drill needs the suite's own Redis container.");
        using var http = new HttpStepClient(new HttpStepOptions { MaxConnectionsPerServer = 64 });
        using var metrics = new PortalMetrics(environment.BaseAddress);
        var steps = new PortalSteps(http, environment.BaseAddress);
        var scenario = Scenario.Create(RedisDown, steps.ClientDetail())
            .WithLoadSimulations(LoadSimulation.ConstantRate(20, hold))
            .WithCapacity(maxWorkers: 100);
        var before = await metrics.ReadAsync(cancellationToken).ConfigureAwait(false);
        var running = LoadRunner.RunAsync(scenario, new LoadRunnerOptions { Progress = ProgressMode.Never }, cancellationToken);
        await Task.Delay(hold / 3, cancellationToken).ConfigureAwait(false);
        await redis.PauseAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Task.Delay(hold / 3, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await redis.UnpauseAsync(CancellationToken.None).ConfigureAwait(false);
        }

        var run = await running.ConfigureAwait(false);
        var after = await metrics.ReadAsync(cancellationToken).ConfigureAwait(false);
        var cacheErrors = PortalMetrics.Number(after, "cache", "errors") - PortalMetrics.Number(before, "cache", "errors");
        var summary = $"cache errors during the run: {cacheErrors}; p95 by third: {Thirds(run[RedisDown].Timeline)}";
        var measurements = new LoadRunMeasurements(run).WithMetric(RedisDown, "cache_errors", cacheErrors);
        return (run, measurements, summary);
    }

    /// <summary>
    /// Valuations at 10/s; the market-prices service answers 30% 503s for the middle half: retries
    /// absorb most, the rest falls back to last known prices (primed first).
    /// </summary>
    public static async Task<(LoadRunResult Run, LoadRunMeasurements Measurements, string Summary)> DownstreamErrorsAsync(
        PortalEnvironment environment, TimeSpan hold, CancellationToken cancellationToken)
    {
        using var http = new HttpStepClient(new HttpStepOptions { MaxConnectionsPerServer = 64 });
        using var metrics = new PortalMetrics(environment.BaseAddress);
        var steps = new PortalSteps(http, environment.BaseAddress);
        var warmUp = TimeSpan.FromSeconds(5);
        var scenario = Scenario.Create(DownstreamErrors, steps.PortfolioValuation())
            .WithWarmUp(warmUp)
            .WithLoadSimulations(LoadSimulation.ConstantRate(10, hold))
            .WithCapacity(maxWorkers: 100);
        await PricePriming.PrimeAsync(environment.BaseAddress, cancellationToken).ConfigureAwait(false);
        var before = await metrics.ReadAsync(cancellationToken).ConfigureAwait(false);
        var running = LoadRunner.RunAsync(scenario, new LoadRunnerOptions { Progress = ProgressMode.Never }, cancellationToken);
        await Task.Delay(warmUp, cancellationToken).ConfigureAwait(false);
        using (environment.Faults.Schedule(hold / 4, hold * 3 / 4, Fault.ErrorRatio(503, 0.3)))
        {
            var run = await running.ConfigureAwait(false);
            var after = await metrics.ReadAsync(cancellationToken).ConfigureAwait(false);
            double Delta(string name) => PortalMetrics.Number(after, "downstream", name) - PortalMetrics.Number(before, "downstream", name);
            var summary = $"downstream failures {Delta("failures")}, retries {Delta("retries")}, stale served {Delta("staleServed")}, breaker opened {Delta("breakerOpened")}";
            var measurements = new LoadRunMeasurements(run)
                .WithMetric(DownstreamErrors, "downstream_retries", Delta("retries"))
                .WithMetric(DownstreamErrors, "breaker_opened", Delta("breakerOpened"));
            return (run, measurements, summary);
        }
    }

    private static string Thirds(IReadOnlyList<TimelinePoint> timeline)
    {
        var third = Math.Max(1, timeline.Count / 3);
        return string.Join(" | ", Enumerable.Range(0, 3).Select(i =>
        {
            var p95s = timeline.Skip(i * third).Take(third).Where(p => p.P95Us is not null).Select(p => p.P95Us!.Value / 1000.0).ToList();
            return p95s.Count == 0 ? "n/a" : $"{p95s.Average():0.0} ms";
        }));
    }
}
