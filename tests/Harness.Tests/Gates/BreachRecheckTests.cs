using System.Text.RegularExpressions;
using PerfTests;
using PerfTests.Budgets;
using PerfTests.Gates;
using PerfTests.Load.Histograms;
using PerfTests.Load.Results;
using PerfTests.Load.SteadyState;
using PerfTests.Reporting.Writing;
using PerfTests.Resources;

namespace Harness.Tests.Gates;

/// <summary>
/// A breach on a busy machine is judged again on the steady windows: a neighbour's bursts make it
/// inconclusive, even when they reach most windows; a slowdown of the code in every second stays a
/// breach; a quiet machine is never asked.
/// </summary>
[TestFixture]
internal sealed class BreachRecheckTests
{
    private const int Seconds = 40;
    private const int PerSecond = 20;

    // Seconds slowed by a neighbour: a start-up stall, then two bursts in different windows.
    private static readonly int[] Bursts = [1, 2, 3, 17, 31];

    [Test]
    public void Assess_BusyMachineAndBurstyBreach_Inconclusive()
    {
        var result = Judged(Scenario(second => Bursts.Contains(second) ? 900 : 30), foreignCpu: 0.61);

        Assert.Multiple(() =>
        {
            Assert.That(result.Budget!.Failed, Is.True, "the whole run breaches");
            Assert.That(result.Verdict, Is.EqualTo(PerfVerdict.Inconclusive));
            Assert.That(result.FailureMessage, Is.Null);
            Assert.That(result.InconclusiveMessage, Does.StartWith("Inconclusive: ").And.Contains("61% of all cores").And.Contains("api p(95)"));
            Assert.That(result.InconclusiveMessage, Does.Match(@"failed [0-2] of [5-8] windows of 5 s"));
        });
    }

    [Test]
    public void Assess_BusyMachineAndSlowInAllButOneWindow_Inconclusive()
    {
        // Seconds 6-35 slow, 36-40 not: the last window meets the limit under the same load.
        var result = Judged(Scenario(second => second <= 35 ? 400 : 30), foreignCpu: 0.61);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(PerfVerdict.Inconclusive));
            Assert.That(result.InconclusiveMessage, Does.Contain("failed 7 of 8 windows of 5 s"));
        });
    }

    [Test]
    public void Assess_BusyMachineAndSlowInEverySecond_BreachStands()
    {
        var result = Judged(Scenario(second => 350), foreignCpu: 0.61);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(PerfVerdict.Failed));
            Assert.That(result.FailureMessage, Does.Contain("Budget 'api' breached").And.Contains("holds in every steady window").And.Contains("failed 8 of 8 windows"));
        });
    }

    [Test]
    public void Assess_QuietMachineAndSteadyRun_NotAskedTheBreachStands()
    {
        var result = Judged(Scenario(second => Bursts.Contains(second) ? 900 : 30), foreignCpu: 0.05);

        Assert.Multiple(() =>
        {
            Assert.That(result.Recheck, Is.Null);
            Assert.That(result.Verdict, Is.EqualTo(PerfVerdict.Failed));
        });
    }

    [Test]
    public void Assess_QuietMachineButAutoWarmUpNeverSettled_InconclusiveAndSaysSo()
    {
        // Quiet machine and a steady measured part, but the warm-up ran to its 60 s cap still drifting.
        var scenario = Scenario(second => Bursts.Contains(second) ? 900 : 30) with
        {
            WarmUp = TimeSpan.FromSeconds(60),
            WarmUpSteadiness = new SteadyStateResult(IsSteady: false, TruncateAt: 40, Points: 59),
        };

        var result = Judged(scenario, foreignCpu: 0.05);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(PerfVerdict.Inconclusive));
            Assert.That(result.InconclusiveMessage, Does.Contain("api's auto warm-up did not get steady by its cap of 60 s").And.Not.Contains("of all cores"));
        });
    }

    [Test]
    public void Assess_QuietMachineAndAutoWarmUpThatSettled_NotAsked()
    {
        var scenario = Scenario(second => Bursts.Contains(second) ? 900 : 30) with
        {
            WarmUp = TimeSpan.FromSeconds(30),
            WarmUpSteadiness = new SteadyStateResult(IsSteady: true, TruncateAt: 5, Points: 30),
        };

        Assert.That(Judged(scenario, foreignCpu: 0.05).Verdict, Is.EqualTo(PerfVerdict.Failed));
    }

    [Test]
    public void Assess_BusyMachineAndErrorRateBreach_StandsBecauseErrorsAreNotTheMachines()
    {
        var result = Judged(Scenario(second => Bursts.Contains(second) ? 900 : 30, failures: 100), foreignCpu: 0.61);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(PerfVerdict.Failed));
            Assert.That(result.FailureMessage, Does.Contain("api rate").And.Contains("not judged by windows"));
        });
    }

    [Test]
    public void Assess_BusyMachineSetting_DecidesWhenTheMachineIsBusy()
    {
        var result = Judged(Scenario(second => Bursts.Contains(second) ? 900 : 30), foreignCpu: 0.61, busyFrom: 0.7);

        Assert.That(result.Verdict, Is.EqualTo(PerfVerdict.Failed));
    }

    [Test]
    public void InconclusiveMessage_IsFiledAsEnvironmentFailureNotBudgetBreach()
    {
        var message = Judged(Scenario(second => Bursts.Contains(second) ? 900 : 30), foreignCpu: 0.61).InconclusiveMessage!;

        var category = DefaultCategories.All.FirstOrDefault(c =>
            c.MatchedStatuses.Contains("broken") && Regex.IsMatch(message, "^(?:" + c.MessageRegex + ")$"))?.Name;

        Assert.That(category, Is.EqualTo("Environment failure"));
    }

    /// <summary>40 s at 20 requests a second; each second's latencies around <paramref name="ms"/> of that second.</summary>
    private static ScenarioResult Scenario(Func<int, int> ms, long failures = 0)
    {
        var intervals = new LatencyIntervals.Builder();
        var total = HistogramSettings.Create();
        var timeline = new List<TimelinePoint>();
        for (var second = 1; second <= Seconds; second++)
        {
            var interval = HistogramSettings.Create();
            for (var i = 0; i < PerSecond; i++)
            {
                interval.RecordValue((ms(second) * 1000L) + (i * 97));
            }

            intervals.Add(second, interval);
            total.Add(interval);
            timeline.Add(new TimelinePoint(second, PerSecond, second == 1 ? failures : 0, 0, 0,
                interval.GetValueAtPercentile(50), interval.GetValueAtPercentile(95), interval.GetValueAtPercentile(99)));
        }

        var latency = new LatencyStats(total);
        return new ScenarioResult
        {
            Name = "api",
            Duration = TimeSpan.FromSeconds(Seconds),
            Latency = latency,
            UncorrectedLatency = latency,
            OkCount = (Seconds * PerSecond) - failures,
            FailCount = failures,
            DroppedCount = 0,
            InterruptedCount = 0,
            Bytes = 0,
            RequestsPerSecond = PerSecond,
            BytesPerSecond = 0,
            StatusCodes = new Dictionary<string, long>(),
            Steps = [],
            Timeline = timeline,
            Intervals = intervals.Build(),
        };
    }

    private static PerfResult Judged(ScenarioResult scenario, double foreignCpu, double busyFrom = 0.25)
    {
        var run = new LoadRunResult { StartedAt = DateTimeOffset.UnixEpoch, Duration = scenario.Duration, IsCancelled = false, Scenarios = [scenario] };
        static SourceLocation At(int line, string key) => new("budgets/api.yaml", line, 7, key);
        var scope = new ScopeBudget("api", null, InsufficientDataPolicy.Fail, 0,
        [
            new(new MetricId(MetricKind.Percentile, 95), null, null, new Limit(Comparison.LessOrEqual, 200), At(4, "scenarios.api.thresholds.p(95)")),
            new(new MetricId(MetricKind.ErrorRate), null, null, new Limit(Comparison.Less, 0.05), At(5, "scenarios.api.thresholds.rate")),
        ]);
        var budget = new Budget("api", null, ["budgets/api.yaml"], [scope]);
        var result = new PerfResult("api", new TestIdentity("C", "T", "C.T", Path.GetTempPath()), new PerfSettings { BusyMachineCpu = busyFrom })
        {
            Runs = [run],
            BudgetFile = budget,
            Measurements = new RunMeasurements([new LoadRunMeasurements(run)], new Dictionary<string, IReadOnlyDictionary<string, double>>(), new Dictionary<string, double>()),
            Resources = new ResourceReport(DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1),
                new Dictionary<string, IReadOnlyList<ResourcePoint>>
                {
                    ["machine.foreign_cpu"] = [.. Enumerable.Range(0, Seconds).Select(s => new ResourcePoint(TimeSpan.FromSeconds(s), foreignCpu))],
                },
                []),
        };
        result.Gates = [new BudgetGate().Judge(result)];
        result.Recheck = BreachRecheck.Assess(result);
        return result;
    }
}
