using Microsoft.Extensions.Time.Testing;
using PerfTests.Budgets;
using PerfTests.Failover.Measurement;
using PerfTests;

namespace Harness.Tests.Failover;

[TestFixture]
public sealed class StartedRequestLogTests
{
    private static readonly DateTimeOffset Kill = new(2026, 1, 5, 9, 0, 10, TimeSpan.Zero);

    [Test]
    public void Compute_RequestsAroundTheWindow_OnlyThoseStartedInsideCount()
    {
        var log = new StartedRequestLog(new FakeTimeProvider());
        // Started before the kill but finished during the outage: slow, yet not "started during failover".
        log.Record(Kill.AddSeconds(-1), TimeSpan.FromSeconds(9));
        for (var i = 0; i < 40; i++)
        {
            log.Record(Kill.AddMilliseconds(i * 100), TimeSpan.FromMilliseconds(i < 37 ? 10 : 2_000));
        }

        log.Record(Kill.AddSeconds(4), TimeSpan.FromSeconds(9)); // at the recovery point: excluded (window is half-open)

        var window = log.Compute(Kill, Kill.AddSeconds(4));

        Assert.Multiple(() =>
        {
            Assert.That(window.Requests, Is.EqualTo(40));
            Assert.That(window.P95Ms, Is.EqualTo(2_000).Within(0.5).Percent, "3 of 40 slow: the 38th (95%) of them is slow");
            Assert.That(window.MaxMs, Is.EqualTo(2_000).Within(0.5).Percent);
            Assert.That(log.Compute(Kill, to: null).Requests, Is.EqualTo(41), "not recovered: the window runs to the end");
        });
    }

    [Test]
    public void ComputeDuringFailover_RecoveredAtOnce_StillJudgesTheFirstTenSeconds()
    {
        var log = new StartedRequestLog(new FakeTimeProvider());
        for (var i = 0; i < 150; i++)
        {
            log.Record(Kill.AddMilliseconds(i * 100), TimeSpan.FromMilliseconds(i < 100 ? 5 : 50)); // 15 s at 10/s
        }

        var latency = log.ComputeDuringFailover(Kill, Kill.AddMilliseconds(1));

        Assert.That(latency.Requests, Is.EqualTo(100), "the 100 requests of the first 10 s, not the 0 of the first millisecond");
        Assert.That(latency.HasEnoughData, Is.True);
    }

    [Test]
    public void ComputeDuringFailover_RecoveredLate_UsesTheRecoveryPoint()
    {
        var log = new StartedRequestLog(new FakeTimeProvider());
        for (var i = 0; i < 150; i++)
        {
            log.Record(Kill.AddMilliseconds(i * 100), TimeSpan.FromMilliseconds(5));
        }

        Assert.That(log.ComputeDuringFailover(Kill, Kill.AddSeconds(12)).Requests, Is.EqualTo(120));
        Assert.That(log.ComputeDuringFailover(Kill, null).Requests, Is.EqualTo(150), "not recovered: until the end");
    }

    [Test]
    public void Compute_FewerThanTwentyRequests_IsNotEnoughDataNotAFastP95()
    {
        var log = new StartedRequestLog(new FakeTimeProvider());
        for (var i = 0; i < 19; i++)
        {
            log.Record(Kill.AddMilliseconds(i * 50), TimeSpan.FromMilliseconds(5));
        }

        var window = log.Compute(Kill, Kill.AddSeconds(2));

        Assert.Multiple(() =>
        {
            Assert.That(window.HasEnoughData, Is.False);
            Assert.That(window.P95Ms, Is.NaN);
            Assert.That(window.Describe(), Does.Contain("not enough data: 19 requests"));
        });
    }

    [Test]
    public void Step_IterationIntendedEarlier_RecordsLatencyFromTheIntendedStart()
    {
        var clock = new FakeTimeProvider(Kill);
        var log = new StartedRequestLog(clock);
        var intended = clock.GetTimestamp();
        clock.Advance(TimeSpan.FromMilliseconds(300)); // queued behind a stalled system before it could start
        var context = new StepContext(new ScenarioContext("drill"), workerId: 0) { IntendedStartTimestamp = intended };
        var step = log.Step("write", async _ =>
        {
            clock.Advance(TimeSpan.FromMilliseconds(200));
            await Task.CompletedTask;
            return StepResult.Ok(201);
        });

        var result = step.Run(context).AsTask().GetAwaiter().GetResult();

        Assert.Multiple(() =>
        {
            Assert.That(log.Count, Is.EqualTo(1));
            Assert.That(log.Compute(Kill, Kill.AddMilliseconds(1)).MaxMs, Is.EqualTo(500).Within(0.5).Percent, "latency counts from the intended start");
            Assert.That(result.IsOk, Is.True);
        });
    }

    [TestCase(400.0, BudgetVerdict.Pass)]
    [TestCase(2_500.0, BudgetVerdict.Fail)]
    [TestCase(double.NaN, BudgetVerdict.Fail)]
    public void FailoverDatabaseBudget_LatencyDuringFailover_IsJudged(double p95Ms, BudgetVerdict expected)
    {
        var budget = BudgetLoader.Load(Path.Combine(BudgetLocator.FindFolder(AppContext.BaseDirectory, "failover-database"), "failover-database.yaml"));
        var scope = new InMemoryScopeMeasurements(Enumerable.Repeat(20.0, 600), 0, TimeSpan.FromSeconds(30)).WithMetric("p95_during_failover", p95Ms);

        var report = BudgetEvaluator.Evaluate(budget, new InMemoryMeasurements().Add("db-writes", null, scope));
        var conclusion = report.Conclusions.Single(c => c.Metric.Name == "metric(p95_during_failover)");

        Assert.Multiple(() =>
        {
            Assert.That(conclusion.Verdict, Is.EqualTo(expected));
            Assert.That(conclusion.InsufficientData, Is.EqualTo(double.IsNaN(p95Ms)), "a window without enough writes is not enough data, never a pass");
        });
    }
}
