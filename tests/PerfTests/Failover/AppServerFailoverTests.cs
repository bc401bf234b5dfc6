using System.Globalization;
using System.Security.Cryptography;
using PerfTests.Budgets;
using PerfTests.Containers;
using PerfTests;
using PerfTests.Hosting;
using PerfTests.Failover.Balancing;
using PerfTests.Failover.Drills;
using PerfTests.Containers.Faults;
using PerfTests.Failover.Measurement;
using PerfTests.Failover.Processes;
using PerfTests.Load.Results;
using PerfTests.Load.Http;
using PerfTests.Load.Running;
using PerfTests.Reporting.Context;
using PerfTests.Reporting.NUnit;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Failover;

/// <summary>
/// Application-server failover (seed 000: RTO 180 s): two portal instances behind the loopback
/// balancer, one killed mid-run. The killed one is a separate OS process (the built portal run with
/// <c>dotnet</c>) and gets SIGKILL: in-flight requests are reset, not allowed to finish.
/// Users logged in before the stop keep calling an authenticated endpoint: with a shared token
/// signing key the survivor must accept their sessions (session continuity).
/// </summary>
[TestFixture]
[Category(PerfCategories.Failover)]
[Epic("Performance")]
[Feature("Failover")]
public sealed class AppServerFailoverTests
{
    private const string Suite = "failover-appserver";
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
        var (measurements, sessions, drill) = await RunDrillAsync(key, key, cancellationToken);

        Assert.That(sessions.DecidedAfterFailure, Is.GreaterThan(0), "the drill must have seen authenticated requests after the failure to judge continuity");
        SuiteRun.Judge(drill.Run, measurements, Suite, drill.Windows);
    }

    [Test]
    [CancelAfter(600_000)]
    [Story("Instances signing tokens with different keys (a random key per process): sessions from the killed instance are rejected, and the budget says so")]
    public async Task MismatchedSigningKeys_OneInstanceKilled_FailsSessionContinuityBudget(CancellationToken cancellationToken)
    {
        var (measurements, sessions, drill) = await RunDrillAsync(
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), cancellationToken);

        var report = SuiteRun.Report(drill.Run, measurements, Suite, drill.Windows);
        TestContext.Out.WriteLine(BudgetReportFormatter.Table(report));

        Assert.Multiple(() =>
        {
            Assert.That(sessions.AcceptedAfterFailure, Is.LessThan(sessions.DecidedAfterFailure), "tokens issued by the killed instance must be rejected by the survivor");
            Assert.That(report.Failures.Select(f => f.Metric.Name), Does.Contain("metric(session_continuity)"), "the session-continuity budget must catch the mismatched keys");
        });
    }

    private static async Task<(LoadRunMeasurements Measurements, SessionContinuityProbe Sessions, DrillReport Report)> RunDrillAsync(
        string survivorKey, string killedKey, CancellationToken cancellationToken)
    {
        if (PerfRunSettings.Current.TargetUrl is not null)
        {
            Assert.Ignore("Failover drills kill their own instances; they do not run against an external TargetUrl.");
        }

        var (baseline, recovery) = (PerfRunSettings.Current.Scale(Baseline), PerfRunSettings.Current.Scale(Recovery));
        AllureContext.Parameter("baseline", baseline);
        AllureContext.Parameter("recovery window", recovery);
        AllureContext.Parameter("signing keys", survivorKey == killedKey ? "shared" : "different per instance");
        await using var dependencies = await PerfEnvironment.StartAsync(EnvironmentOptions.FromEnvironmentVariables(), cancellationToken);
        // The survivor seeds (seeding truncates every table), so it starts first, in-process; the
        // instance to kill is a separate OS process on the same database, Redis and signing key.
        await using var survivor = await AllureContext.StepAsync("start instance 2 (in-process, seeds the database)", () =>
            SystemUnderTestFactory.StartAsync<Program>(Settings(dependencies, seedClients: 1_000, survivorKey), TimeSpan.FromSeconds(90), cancellationToken));
        await using var victim = await AllureContext.StepAsync("start instance 1 (separate process: dotnet PerfTests.SampleSystem.dll)", () =>
            AppProcess.StartAsync(new AppProcessOptions { AssemblyPath = typeof(Program).Assembly.Location, Settings = Settings(dependencies, seedClients: 0, killedKey) }, cancellationToken));
        AllureContext.Parameter("killed instance", $"pid {victim.ProcessId} at {victim.BaseAddress}", excluded: true);
        await using var balancer = await LoopbackBalancer.StartAsync([victim.BaseAddress, survivor.BaseAddress], cancellationToken: cancellationToken);
        using var http = new HttpStepClient(new HttpStepOptions { MaxConnectionsPerServer = 64 });
        var started = new StartedRequestLog(TimeProvider.System);
        var reads = new long[1];
        var scenario = PerfTests.Scenario.Create(Scenario, started.Step("client-detail", ctx =>
                http.GetAsync(new Uri(balancer.BaseAddress, $"/api/clients/{(Interlocked.Increment(ref reads[0]) % 1_000) + 1}"), ctx.CancellationToken)))
            .WithLoadSimulations(LoadSimulation.ConstantRate(ReadsPerSecond, baseline + recovery))
            .WithCapacity(maxWorkers: 200);

        // Logged in one after another before any load: round-robin gives each instance half of the sessions.
        var sessions = await SessionContinuityProbe.LoginAsync(http, balancer.BaseAddress, SessionUsers, TimeProvider.System, cancellationToken);
        var sessionScenario = PerfTests.Scenario.Create(SessionScenario, sessions.AuthMeStep())
            .WithLoadSimulations(LoadSimulation.ConstantRate(SessionRequestsPerSecond, baseline + recovery))
            .WithCapacity(maxWorkers: 50);

        var timeline = new DrillTimeline(TimeProvider.System);
        timeline.Record(DrillPhase.Baseline, $"read load and {sessions.Sessions} logged-in sessions started through the balancer (2 instances)");
        var load = LoadRunner.RunAsync([scenario, sessionScenario], new LoadRunnerOptions { ProgressWriter = TestContext.Progress }, cancellationToken);
        await Task.Delay(baseline, cancellationToken);
        sessions.MarkFailure();
        var killedAt = timeline.Record(DrillPhase.Failure, $"instance 1 killed (SIGKILL, pid {victim.ProcessId})").At;
        await victim.KillAsync(cancellationToken);
        timeline.Record(DrillPhase.Recovery, "instance 1 gone; the balancer marks it down on a refused or reset connection");
        var run = await load;
        timeline.Record(DrillPhase.Validation, "load stopped");

        var rto = RecoveryTime.Compute(run[Scenario].Timeline, killedAt - run.StartedAt, maxErrorRate: 0.02);
        var duringFailover = started.ComputeDuringFailover(killedAt, rto.Rto is { } r ? killedAt + r : null);
        var answered = string.Join(", ", balancer.Answered.Select(kv => $"{kv.Key.Port}: {kv.Value}"));
        var summary = string.Join(System.Environment.NewLine,
            timeline.Format(run.StartedAt),
            rto.Rto is { } t ? string.Create(CultureInfo.InvariantCulture, $"RTO {t.TotalSeconds:F1} s") : "NOT RECOVERED within the window",
            $"error burst: {rto.FailuresDuringOutage} of {rto.RequestsDuringOutage}; answered per instance port: {answered}",
            $"balancer: {balancer.Ejections} ejections, {balancer.Retried} retried on the other instance, {balancer.BadGateway} answered 502",
            "latency of the reads started during the failover: " + duringFailover.Describe(),
            sessions.Describe());
        TestContext.Out.WriteLine(summary);
        TestContext.Out.WriteLine(run.ToString());
        AllureContext.Attach("drill timeline and results", summary, "text/plain", "txt");

        var measurements = new LoadRunMeasurements(run)
            .WithMetric(Scenario, "rto", rto.Rto?.TotalMilliseconds ?? double.PositiveInfinity)
            .WithMetric(Scenario, "error_burst", rto.FailuresDuringOutage)
            .WithMetric(Scenario, "p95_during_failover", duringFailover.P95Ms)
            .WithMetric(SessionScenario, "session_continuity", sessions.Continuity);
        AllureContext.Metric("error_burst", rto.FailuresDuringOutage, "requests");
        return (measurements, sessions, new DrillReport(run, DrillFaultWindows.From(timeline, run.StartedAt, killedAt, rto.Rto)));
    }

    /// <summary>What the report needs besides the measurements: the run and its shaded phases.</summary>
    private sealed record DrillReport(LoadRunResult Run, IReadOnlyList<FaultWindow> Windows);

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
