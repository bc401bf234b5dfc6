using PerfTests.Containers.Faults;
using PerfTests.Failover.Containers;
using PerfTests.Failover.Drills;
using PerfTests.Failover.Measurement;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Failover;

/// <summary>
/// Cache failover: Redis is SIGKILLed under read load and restarted empty. The portal must keep
/// answering from PostgreSQL while Redis is away (no errors, latency within budget), and the hit
/// ratio must come back (cold-cache recovery time, from the portal's /metrics counters).
/// </summary>
[PerfSuite(PerfCategories.Failover)]
public sealed class CacheFailoverTests
{
    private const string Scenario = "cache-reads";

    /// <summary>Hot set of client ids: small enough to warm in a few seconds at <see cref="ReadsPerSecond"/>.</summary>
    private const int HotClients = 200;

    private const double ReadsPerSecond = 50;

    // Nightly lengths; PR (DurationScale 0.1): 6 s baseline, 5 s without Redis, 30 s recovery.
    private static readonly TimeSpan Baseline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Down = TimeSpan.FromSeconds(50);
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(300);

    [Test]
    [CancelAfter(600_000)]
    [Story("Redis killed and restarted empty: reads keep working and the cache warms up again within budget")]
    public async Task RedisKilledAndRestarted_UnderReadLoad_MeetsCacheFailoverBudget(CancellationToken cancellationToken)
    {
        var settings = PerfSettings.Current;
        if (settings.TargetUrl is not null)
        {
            Assert.Ignore("Failover drills kill their own containers; they do not run against an external TargetUrl.");
        }

        await using var environment = await PortalEnvironment.StartAsync(settings, cancellationToken: cancellationToken);
        await PerfTest.Create("failover-cache")
            .Target(environment.System)
            .Parameter("baseline", settings.Scale(Baseline))
            .Parameter("redis down", settings.Scale(Down))
            .Parameter("recovery window", settings.Scale(Recovery))
            .WithHttp(http => http.MaxConnectionsPerServer = 64)
            .Run(run => DrillAsync(run, environment))
            .RunAsync(cancellationToken);
    }

    private static async Task DrillAsync(PerfRunContext run, PortalEnvironment environment)
    {
        var redis = environment.Dependencies!.RedisContainer!;
        var (baseline, down, recovery) = (run.Scale(Baseline), run.Scale(Down), run.Scale(Recovery));
        using var metricsClient = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        // One counter for all workers (StepContext.InvocationNumber counts per worker, which would
        // concentrate reads on a few ids and make the cache look warm too early).
        var reads = new long[1];
        var scenario = PerfTests.Scenario.Create(Scenario, run.Http.Get("client-detail", _ => $"/api/clients/{((Interlocked.Increment(ref reads[0]) * 37) % HotClients) + 1}"))
            .WithLoadSimulations(LoadSimulation.ConstantRate(ReadsPerSecond, Baseline + Down + Recovery))
            .WithCapacity(maxWorkers: 200);
        var timeline = new DrillTimeline(TimeProvider.System);
        var poller = new CacheCounterPoller(metricsClient, environment.BaseAddress, TimeProvider.System);
        using var stopPolling = CancellationTokenSource.CreateLinkedTokenSource(run.CancellationToken);
        var polling = poller.RunAsync(TimeSpan.FromMilliseconds(500), stopPolling.Token);

        timeline.Record(DrillPhase.Baseline, "read load started");
        var load = run.RunLoadAsync([scenario]);
        await Task.Delay(baseline, run.CancellationToken);
        await ContainerDrills.KillAsync(redis, cancellationToken: run.CancellationToken);
        var killedAt = timeline.Record(DrillPhase.Failure, "redis killed (SIGKILL)").At;
        await Task.Delay(down, run.CancellationToken);
        // Stamped before the start: the container's own start-up time is part of the recovery.
        var restartedAt = timeline.Record(DrillPhase.Recovery, "redis restart issued (comes back empty: killed before any snapshot)").At;
        await ContainerDrills.RestartAsync(redis, run.CancellationToken);
        var result = await load;
        await stopPolling.CancelAsync();
        await polling;
        timeline.Record(DrillPhase.Validation, "load stopped");

        var warmup = CacheWarmup.Compute(poller.Samples, killedAt, restartedAt);
        var points = result[Scenario].Timeline;
        var outage = points.Where(p => result.StartedAt.AddSeconds(p.Second) > killedAt && result.StartedAt.AddSeconds(p.Second - 1) < restartedAt + (warmup.RecoveryTime ?? recovery)).ToList();
        var maxP95DuringOutageMs = outage.Where(p => p.P95Us is not null).Select(p => p.P95Us!.Value / 1000).DefaultIfEmpty(double.NaN).Max();
        run.Note("drill timeline and results", string.Join(System.Environment.NewLine,
            timeline.Format(result.StartedAt),
            $"baseline hit ratio {warmup.BaselineHitRatio:P1}; cold-cache recovery {(warmup.RecoveryTime is { } t ? $"{t.TotalSeconds:F1} s" : "NOT within the window")}",
            $"max per-second p95 from the kill until warm again: {maxP95DuringOutageMs:F0} ms; failures {result[Scenario].FailCount} of {result[Scenario].RequestCount}"));
        run.Metric(Scenario, "cache_warmup", warmup.RecoveryTime?.TotalMilliseconds ?? double.PositiveInfinity);
        run.Metric(Scenario, "max_p95_during_outage", maxP95DuringOutageMs);
        run.Trend("cache_warmup", warmup.RecoveryTime?.TotalMilliseconds ?? double.NaN, "ms");
        // Outage shaded from the kill until the hit ratio is back (open-ended when it never was).
        var warmAfterKill = warmup.RecoveryTime is { } w ? restartedAt + w - killedAt : (TimeSpan?)null;
        run.Faults(DrillFaultWindows.From(timeline, result.StartedAt, killedAt, warmAfterKill));
    }
}
