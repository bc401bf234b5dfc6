using PerfTests.Containers.Faults;
using PerfTests.Load.Results;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Degradation;

/// <summary>Load runs with a dependency broken for the middle third (Redis) or half (downstream) of the run.</summary>
internal static class FaultDegradationRuns
{
    /// <summary>Scenario of the Redis drill (budgets/degradation-redis.yaml).</summary>
    public const string RedisDown = "redis-down";

    /// <summary>Scenario of the downstream drill (budgets/degradation-downstream.yaml).</summary>
    public const string DownstreamErrors = "downstream-errors";

    /// <summary>
    /// Client details (Redis cache-aside) at 20/s for <paramref name="hold"/>; Redis is paused for the
    /// middle third, so reads time out (500 ms) and fall back to Postgres: slower, never an error.
    /// </summary>
    public static Func<PerfRunContext, Task> RedisPaused(PortalEnvironment environment, TimeSpan hold) => async context =>
    {
        var redis = environment.Dependencies?.RedisContainer
            ?? throw new InvalidOperationException("The Redis drill needs the suite's own Redis container.");
        using var metrics = new PortalMetrics(environment.BaseAddress);
        var scenario = Scenario.Create(RedisDown, new PortalSteps(context.Http).ClientDetail())
            .WithLoadSimulations(LoadSimulation.ConstantRate(20, hold))
            .WithCapacity(maxWorkers: 100);
        var before = await metrics.ReadAsync(context.CancellationToken);
        var running = context.RunLoadAsync([scenario], progress: false);
        await Task.Delay(hold / 3, context.CancellationToken);
        await redis.PauseAsync(context.CancellationToken);
        try
        {
            await Task.Delay(hold / 3, context.CancellationToken);
        }
        finally
        {
            await redis.UnpauseAsync(CancellationToken.None);
        }

        context.Fault(hold / 3, hold * 2 / 3, "Redis container paused");
        var run = await running;
        var after = await metrics.ReadAsync(context.CancellationToken);
        var cacheErrors = PortalMetrics.Number(after, "cache", "errors") - PortalMetrics.Number(before, "cache", "errors");
        context.Metric(RedisDown, "cache_errors", cacheErrors);
        context.Note("fault summary", $"cache errors during the run: {cacheErrors}; p95 by third: {Thirds(run[RedisDown].Timeline)}");
    };

    /// <summary>
    /// Valuations at 10/s for <paramref name="hold"/>; the market-prices service answers 30% 503s for the
    /// middle half: retries absorb most, the rest falls back to last known prices (primed first).
    /// </summary>
    public static Func<PerfRunContext, Task> DownstreamErrors503(PortalEnvironment environment, TimeSpan hold) => async context =>
    {
        using var metrics = new PortalMetrics(environment.BaseAddress);
        var warmUp = TimeSpan.FromSeconds(5);
        var scenario = Scenario.Create(DownstreamErrors, new PortalSteps(context.Http).PortfolioValuation())
            .WithWarmUp(warmUp)
            .WithLoadSimulations(LoadSimulation.ConstantRate(10, hold))
            .WithCapacity(maxWorkers: 100);
        await PricePriming.PrimeAsync(environment.BaseAddress, context.CancellationToken);
        var before = await metrics.ReadAsync(context.CancellationToken);
        var running = context.RunLoadAsync([scenario], progress: false);
        await Task.Delay(warmUp, context.CancellationToken);
        using (environment.Faults.Schedule(hold / 4, hold * 3 / 4, Fault.ErrorRatio(503, 0.3)))
        {
            await running;
        }

        context.Faults(environment.Faults.Timeline);
        var after = await metrics.ReadAsync(context.CancellationToken);
        double Delta(string name) => PortalMetrics.Number(after, "downstream", name) - PortalMetrics.Number(before, "downstream", name);
        context.Metric(DownstreamErrors, "downstream_retries", Delta("retries"));
        context.Metric(DownstreamErrors, "breaker_opened", Delta("breakerOpened"));
        context.Note("fault summary", $"downstream failures {Delta("failures")}, retries {Delta("retries")}, stale served {Delta("staleServed")}, breaker opened {Delta("breakerOpened")}");
    };

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
