using System.Globalization;
using System.Security.Cryptography;
using PerfTests.Containers;
using PerfTests.Containers.Faults;
using PerfTests.Failover.Balancing;
using PerfTests.Failover.Drills;
using PerfTests.Failover.Measurement;
using PerfTests.Failover.Processes;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Failover;

/// <summary>
/// Application-server failover (seed 000: RTO 180 s): two portal instances behind the loopback
/// balancer, one killed mid-run. The killed one is a separate OS process (the built portal run with
/// <c>dotnet</c>) and gets SIGKILL: in-flight requests are reset, not allowed to finish.
/// Users logged in before the stop keep calling an authenticated endpoint: with a shared token
/// signing key the survivor must accept their sessions (session continuity).
/// </summary>
[PerfSuite(PerfCategories.Failover)]
public sealed class AppServerFailoverTests
{
    private const string Scenario = "appserver-reads";
    private const string SessionScenario = "appserver-sessions";
    private const double ReadsPerSecond = 50;
    private const double SessionRequestsPerSecond = 10;
    private const int SessionUsers = 4;

    // Nightly lengths; PR (DurationScale 0.1): 6 s baseline, 30 s after the stop.
    private static readonly TimeSpan Baseline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(300);

    [Test]
    [CancelAfter(600_000)]
    [Story("One of two portal instances is SIGKILLed: the balancer routes around it within RTO, with a bounded error burst, and sessions survive")]
    public async Task OneOfTwoInstancesKilled_BehindBalancer_MeetsAppServerFailoverBudget(CancellationToken cancellationToken)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var instances = await Instances.StartAsync(key, key, cancellationToken);

        await Drill(instances, "shared").RunAsync(cancellationToken);
    }

    [Test]
    [CancelAfter(600_000)]
    [Story("Instances signing tokens with different keys (a random key per process): sessions from the killed instance are rejected, and the budget says so")]
    public async Task MismatchedSigningKeys_OneInstanceKilled_FailsSessionContinuityBudget(CancellationToken cancellationToken)
    {
        await using var instances = await Instances.StartAsync(
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), cancellationToken);

        var result = await Drill(instances, "different per instance").EvaluateAsync(cancellationToken);

        var sessions = instances.Sessions!;
        Assert.Multiple(() =>
        {
            Assert.That(sessions.AcceptedAfterFailure, Is.LessThan(sessions.DecidedAfterFailure), "tokens issued by the killed instance must be rejected by the survivor");
            Assert.That(result.Budget!.Failures.Select(f => f.Metric.Name), Does.Contain("metric(session_continuity)"), "the session-continuity budget must catch the mismatched keys");
        });
    }

    private static PerfTest Drill(Instances instances, string signingKeys) =>
        PerfTest.Create("failover-appserver")
            .Target(instances.Balancer.BaseAddress)
            .Parameter("baseline", PerfSettings.Current.Scale(Baseline))
            .Parameter("recovery window", PerfSettings.Current.Scale(Recovery))
            .Parameter("signing keys", signingKeys)
            .Parameter("killed instance", $"pid {instances.Victim.ProcessId} at {instances.Victim.BaseAddress}", excluded: true)
            .WithHttp(http => http.MaxConnectionsPerServer = 64)
            // Logged in one after another before any load: round-robin gives each instance half of the sessions.
            .Setup(async run => instances.Sessions = await SessionContinuityProbe.LoginAsync(run.Http, SessionUsers, TimeProvider.System, run.CancellationToken))
            .Run(run => KillOneAsync(run, instances));

    private static async Task KillOneAsync(PerfRunContext run, Instances instances)
    {
        var sessions = instances.Sessions!;
        var (baseline, recovery) = (run.Scale(Baseline), run.Scale(Recovery));
        var started = new StartedRequestLog(TimeProvider.System);
        var reads = new long[1];
        var scenario = PerfTests.Scenario.Create(Scenario, started.Step("client-detail", ctx =>
                run.Http.GetAsync($"/api/clients/{(Interlocked.Increment(ref reads[0]) % 1_000) + 1}", ctx.CancellationToken)))
            .WithLoadSimulations(LoadSimulation.ConstantRate(ReadsPerSecond, Baseline + Recovery))
            .WithCapacity(maxWorkers: 200);
        var sessionScenario = PerfTests.Scenario.Create(SessionScenario, sessions.AuthMeStep())
            .WithLoadSimulations(LoadSimulation.ConstantRate(SessionRequestsPerSecond, Baseline + Recovery))
            .WithCapacity(maxWorkers: 50);

        var timeline = new DrillTimeline(TimeProvider.System);
        timeline.Record(DrillPhase.Baseline, $"read load and {sessions.Sessions} logged-in sessions started through the balancer (2 instances)");
        var load = run.RunLoadAsync([scenario, sessionScenario]);
        await Task.Delay(baseline, run.CancellationToken);
        sessions.MarkFailure();
        var killedAt = timeline.Record(DrillPhase.Failure, $"instance 1 killed (SIGKILL, pid {instances.Victim.ProcessId})").At;
        await instances.Victim.KillAsync(run.CancellationToken);
        timeline.Record(DrillPhase.Recovery, "instance 1 gone; the balancer marks it down on a refused or reset connection");
        var result = await load;
        timeline.Record(DrillPhase.Validation, "load stopped");

        var rto = RecoveryTime.Compute(result[Scenario].Timeline, killedAt - result.StartedAt, maxErrorRate: 0.02);
        var duringFailover = started.ComputeDuringFailover(killedAt, rto.Rto is { } r ? killedAt + r : null);
        var balancer = instances.Balancer;
        var answered = string.Join(", ", balancer.Answered.Select(kv => $"{kv.Key.Port}: {kv.Value}"));
        run.Note("drill timeline and results", string.Join(System.Environment.NewLine,
            timeline.Format(result.StartedAt),
            rto.Rto is { } t ? string.Create(CultureInfo.InvariantCulture, $"RTO {t.TotalSeconds:F1} s") : "NOT RECOVERED within the window",
            $"error burst: {rto.FailuresDuringOutage} of {rto.RequestsDuringOutage}; answered per instance port: {answered}",
            $"balancer: {balancer.Ejections} ejections, {balancer.Retried} retried on the other instance, {balancer.BadGateway} answered 502",
            "latency of the reads started during the failover: " + duringFailover.Describe(),
            sessions.Describe()));
        run.Expect(sessions.DecidedAfterFailure > 0, "the drill must have seen authenticated requests after the failure to judge continuity");
        run.Metric(Scenario, "rto", rto.Rto?.TotalMilliseconds ?? double.PositiveInfinity);
        run.Metric(Scenario, "error_burst", rto.FailuresDuringOutage);
        run.Metric(Scenario, "p95_during_failover", duringFailover.P95Ms);
        run.Metric(SessionScenario, "session_continuity", sessions.Continuity);
        run.Trend("error_burst", rto.FailuresDuringOutage, "requests");
        run.Faults(DrillFaultWindows.From(timeline, result.StartedAt, killedAt, rto.Rto));
    }

    /// <summary>Containers, the surviving instance (in-process, seeds), the instance to kill (a separate process) and the balancer in front.</summary>
    private sealed class Instances : IAsyncDisposable
    {
        private readonly IAsyncDisposable[] _owned;

        private Instances(AppProcess victim, LoopbackBalancer balancer, params IAsyncDisposable[] owned) =>
            (Victim, Balancer, _owned) = (victim, balancer, owned);

        public AppProcess Victim { get; }

        public LoopbackBalancer Balancer { get; }

        public SessionContinuityProbe? Sessions { get; set; }

        public static async Task<Instances> StartAsync(string survivorKey, string killedKey, CancellationToken cancellationToken)
        {
            if (PerfSettings.Current.TargetUrl is not null)
            {
                Assert.Ignore("Failover drills kill their own instances; they do not run against an external TargetUrl.");
            }

            var owned = new List<IAsyncDisposable>();
            try
            {
                var dependencies = await PerfEnvironment.StartAsync(PortalDependencies.Options(), cancellationToken);
                owned.Add(dependencies);
                // The survivor seeds (seeding truncates every table), so it starts first, in-process; the
                // instance to kill is a separate OS process on the same database, Redis and signing key.
                var survivor = await PortalEnvironment.StartPortalAsync(Settings(dependencies, seedClients: 1_000, survivorKey), TimeSpan.FromSeconds(90), cancellationToken);
                owned.Insert(0, survivor);
                var victim = await AppProcess.StartAsync(
                    new AppProcessOptions { AssemblyPath = typeof(Program).Assembly.Location, Settings = Settings(dependencies, seedClients: 0, killedKey) }, cancellationToken);
                owned.Insert(0, victim);
                var balancer = await LoopbackBalancer.StartAsync([victim.BaseAddress, survivor.BaseAddress], cancellationToken: cancellationToken);
                owned.Insert(0, balancer);
                return new Instances(victim, balancer, [.. owned]);
            }
            catch
            {
                foreach (var started in owned)
                {
                    await started.DisposeAsync();
                }

                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var owned in _owned)
            {
                await owned.DisposeAsync();
            }
        }

        private static Dictionary<string, string?> Settings(PerfEnvironment dependencies, int seedClients, string signingKey) => new(StringComparer.OrdinalIgnoreCase)
        {
            ["SampleSystem:TokenSigningKey"] = signingKey,
            ["ConnectionStrings:Postgres"] = dependencies.PostgresConnectionString,
            ["ConnectionStrings:Redis"] = dependencies.RedisConnectionString,
            ["SampleSystem:MarketPricesBaseUrl"] = dependencies.DownstreamBaseUrl.ToString(),
            // Only the first instance seeds: seeding truncates every table.
            ["SampleSystem:Database:SeedClientsOnStartup"] = seedClients.ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        };
    }
}
