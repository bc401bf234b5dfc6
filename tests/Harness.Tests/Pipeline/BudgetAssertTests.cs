using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using PerfTests.Budgets;
using PerfTests;

namespace Harness.Tests.Pipeline;

[TestFixture]
public sealed class BudgetAssertTests
{
    private const string Yaml = """
        suite: load
        scenarios:
          clients-list:
            tiers:
              p(95): { target: 150ms, warn: 250ms, fail: 500ms }
            thresholds:
              - rate < 1%
        """;

    private static readonly Budget Budget = BudgetLoader.Parse(Yaml, "budgets/load.yaml");

    private static InMemoryMeasurements Run(double latencyMs, int failures = 0) =>
        new InMemoryMeasurements().Add("clients-list", null,
            new InMemoryScopeMeasurements(Enumerable.Repeat(latencyMs, 1000), failures, TimeSpan.FromSeconds(10)));

    [Test]
    public void Meets_BreachedLatency_FailsWithBreachListAndTable()
    {
        var ex = Assert.Throws<AssertionException>(() => BudgetAssert.Meets(Run(612, failures: 50), Budget));

        Assert.That(ex!.Message, Does.Contain("Budget 'load' breached: 2 metric(s) failed"));
        Assert.That(ex.Message, Does.Contain("clients-list p(95): actual 612 ms, limit <= 500 ms"));
        Assert.That(ex.Message, Does.Contain("clients-list rate: actual 5%, limit < 1%"));
        Assert.That(ex.Message, Does.Contain("| verdict"), "the full table is part of the failure");
    }

    [Test]
    public void Meets_BudgetMetButOtherFailureGiven_FailsWithTheOtherFailure()
    {
        var report = BudgetEvaluator.Evaluate(Budget, Run(100));

        var ex = Assert.Throws<AssertionException>(() => BudgetAssert.Meets(report, null, "Regression against baseline 'main': 1 scenario(s) regressed"));

        Assert.That(ex!.Message, Does.StartWith("Regression against baseline 'main'"));
    }

    [Test]
    public void Meets_AllWithinTarget_ReturnsReportWithoutFailingOrWarning()
    {
        using (new TestExecutionContext.IsolatedContext())
        {
            var report = BudgetAssert.Meets(Run(100), Budget);
            var result = TestExecutionContext.CurrentContext.CurrentResult;

            Assert.That(report.Conclusions.Select(c => c.Verdict), Is.All.EqualTo(BudgetVerdict.Pass));
            Assert.That(result.AssertionResults, Is.Empty);
            Assert.That(result.Output, Does.Contain("clients-list | p(95)"), "the table is always written to TestContext.Out");
        }
    }

    [Test]
    public void Meets_PastWarnLimit_RecordsAWarningAndDoesNotFail()
    {
        IList<AssertionResult> assertions;
        using (new TestExecutionContext.IsolatedContext())
        {
            BudgetAssert.Meets(Run(300), Budget);
            assertions = [.. TestExecutionContext.CurrentContext.CurrentResult.AssertionResults];
        }

        Assert.That(assertions, Has.Count.EqualTo(1));
        Assert.That(assertions[0].Status, Is.EqualTo(AssertionStatus.Warning));
        Assert.That(assertions[0].Message, Does.Contain("clients-list p(95): actual 300 ms, limit <= 250 ms"));
    }

    [Test]
    public void Meets_P99FromTenSamples_FailsAsNotEnoughData()
    {
        var budget = BudgetLoader.Parse("scenarios:\n  s:\n    thresholds: [ \"p(99) < 1s\" ]\n", "t.yaml");
        var run = new InMemoryMeasurements().Add("s", null, new InMemoryScopeMeasurements(Enumerable.Repeat(1.0, 10), 0, TimeSpan.FromSeconds(1)));

        var ex = Assert.Throws<AssertionException>(() => BudgetAssert.Meets(run, budget));

        Assert.That(ex!.Message, Does.Contain("s p(99): not enough data: 10 samples, p(99) needs >= 100"));
    }
}
