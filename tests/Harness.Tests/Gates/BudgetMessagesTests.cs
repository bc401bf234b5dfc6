using PerfTests.Gates;
using PerfTests.Budgets;
using PerfTests;

namespace Harness.Tests.Gates;

[TestFixture]
public sealed class BudgetMessagesTests
{
    private static BudgetReport Report(double latencyMs, int failuresOf100)
    {
        var budget = BudgetLoader.Parse("""
            suite: web
            scenarios:
              home:
                tiers:
                  p(95): { warn: 250ms, fail: 500ms }
                  rate: { warn: 1%, fail: 5% }
            """, "budgets/web.yaml");
        return BudgetEvaluator.Evaluate(budget, new InMemoryMeasurements().Add("home", null,
            new InMemoryScopeMeasurements(Enumerable.Repeat(latencyMs, 100), failuresOf100, TimeSpan.FromSeconds(1))));
    }

    [Test]
    public void Warning_TwoWarnings_CountsAndListsBoth()
    {
        var report = Report(latencyMs: 300, failuresOf100: 2);

        var text = BudgetMessages.Warning(report);

        Assert.That(text, Does.StartWith("Budget 'web': 2 metric(s) past the warn limit"));
        Assert.That(text, Does.Contain("home p(95): actual 300 ms, limit <= 250 ms"));
        Assert.That(text, Does.Contain("home rate: actual 2%, limit <= 1%"));
    }

    [Test]
    public void Failure_OneFailure_ListsOnlyTheFailureThenTheTable()
    {
        var report = Report(latencyMs: 300, failuresOf100: 10);

        var text = BudgetMessages.Failure(report, "TABLE");

        Assert.That(text, Does.StartWith("Budget 'web' breached: 1 metric(s) failed"));
        Assert.That(text, Does.Contain("home rate: actual 10%, limit <= 5%"));
        Assert.That(text, Does.Not.Contain("home p(95)"));
        Assert.That(text.TrimEnd(), Does.EndWith("TABLE"));
    }

    [Test]
    public void Combined_BudgetBreachedAndRegression_OneMessageListingBoth()
    {
        var report = Report(latencyMs: 300, failuresOf100: 10);

        var text = BudgetMessages.Combined(report, "TABLE", null, "Regression against baseline 'main': 1 scenario(s) regressed");

        Assert.That(text, Does.StartWith("Budget 'web' breached: 1 metric(s) failed"));
        Assert.That(text, Does.Contain("home rate: actual 10%, limit <= 5%"));
        Assert.That(text, Does.Contain("Also failed: Regression against baseline 'main'"));
        Assert.That(text.TrimEnd(), Does.EndWith("TABLE"));
    }

    [Test]
    public void Combined_BudgetMetAndRegression_StartsWithTheRegressionAndNeverSaysBreached()
    {
        var report = Report(latencyMs: 300, failuresOf100: 0);

        var text = BudgetMessages.Combined(report, "TABLE", null, "Regression against baseline 'main': 1 scenario(s) regressed");

        Assert.That(text, Does.StartWith("Regression against baseline 'main'"));
        Assert.That(text, Does.Contain("Budget 'web': 1 metric(s) past the warn limit"));
        Assert.That(text, Does.Not.Contain("breached"));
    }

    [Test]
    public void Combined_NoOtherFailure_IsTheBudgetFailure()
    {
        var report = Report(latencyMs: 300, failuresOf100: 10);

        Assert.That(BudgetMessages.Combined(report, "TABLE", "pool", null), Is.EqualTo(BudgetMessages.Failure(report, "TABLE", "pool")));
    }
}
