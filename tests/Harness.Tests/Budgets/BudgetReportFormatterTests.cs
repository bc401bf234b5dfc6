using PerfTests.Budgets;

namespace Harness.Tests.Budgets;

[TestFixture]
public sealed class BudgetReportFormatterTests
{
    private static BudgetReport Report(double listP95Ms, int fetchSamples)
    {
        var budget = BudgetLoader.Parse(BudgetYaml.Crud, "budgets/load.yaml");
        var measurements = new InMemoryMeasurements()
            .Add("clients-list", null, new InMemoryScopeMeasurements(Enumerable.Repeat(listP95Ms, 2000), 0, TimeSpan.FromSeconds(1)))
            .Add("clients-list", "fetch", new InMemoryScopeMeasurements(Enumerable.Repeat(5.0, fetchSamples), 0, TimeSpan.FromSeconds(1)));
        return BudgetEvaluator.Evaluate(budget, measurements);
    }

    [Test]
    public void Table_EveryMetric_HasOneRowWithAllColumns()
    {
        var lines = BudgetReportFormatter.Table(Report(612, 10)).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.That(lines[0], Does.StartWith("Budget 'load' (base; budgets/load.yaml)"));
        Assert.That(lines[1], Does.Match(@"^scope\s+\| metric\s+\| actual\s+\| target\s+\| warn\s+\| fail\s+\| verdict\s+\| samples$"));
        Assert.That(lines, Has.Length.EqualTo(3 + 5), "title, header, rule, 4 clients-list metrics + 1 fetch metric");
        Assert.That(lines, Has.Some.Match(@"^clients-list\s+\| p\(95\)\s+\| 612 ms\s+\| <= 150 ms \| <= 250 ms \| <= 500 ms \| FAIL\s+\| 2000 \(min 20\)$"));
        Assert.That(lines, Has.Some.Contains("clients-list/fetch").And.Contains("FAIL (not enough data: 10 samples, p(99) needs >= 100)"));
    }

    [Test]
    public void Breaches_Failures_ListActualLimitAndLocation()
    {
        var text = BudgetReportFormatter.Breaches(Report(612, 10), BudgetVerdict.Fail);

        Assert.That(text, Does.Contain("  - clients-list p(95): actual 612 ms, limit <= 500 ms [budgets/load.yaml(5,7)]"));
        Assert.That(text, Does.Contain("  - clients-list/fetch p(99): not enough data: 10 samples, p(99) needs >= 100"));
    }

    [Test]
    public void Breaches_Warnings_NameTheWarnLimit()
    {
        var text = BudgetReportFormatter.Breaches(Report(300, 200), BudgetVerdict.Warn);

        Assert.That(text.Trim(), Is.EqualTo("- clients-list p(95): actual 300 ms, limit <= 250 ms [budgets/load.yaml(5,7)]"));
    }
}
