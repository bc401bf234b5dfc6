using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using PerfTests;
using PerfTests.Budgets;
using PerfTests.Gates;

namespace Harness.Tests.Pipeline;

/// <summary>The one assert of a performance test: what fails it, what only warns, and what its message says.</summary>
[TestFixture]
public sealed class PerfResultAssertTests
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

    private string _budgets = "";

    [SetUp]
    public void WriteBudget()
    {
        _budgets = Directory.CreateTempSubdirectory("perf-assert-").FullName;
        File.WriteAllText(Path.Combine(_budgets, "load.yaml"), Yaml);
    }

    [TearDown]
    public void DeleteBudget() => Directory.Delete(_budgets, recursive: true);

    private PerfTest Measured(double latencyMs, int failures = 0, int samples = 1000) =>
        PerfTest.Create("load")
            .WithSettings(new PerfSettings { BudgetsFolder = _budgets, SummaryFolder = Path.Combine(_budgets, "summaries") })
            .Run(run =>
            {
                run.AddMeasurements(new InMemoryMeasurements().Add("clients-list", null,
                    new InMemoryScopeMeasurements(Enumerable.Repeat(latencyMs, samples), failures, TimeSpan.FromSeconds(10))));
                return Task.CompletedTask;
            });

    [Test]
    public async Task RunAsync_BreachedLatencyAndErrors_FailsListingEveryBreachThenTheTable()
    {
        var failure = await Assert.ThrowsAsync<AssertionException>(() => Measured(612, failures: 50).RunAsync());

        Assert.That(failure!.Message, Does.StartWith("Budget 'load' breached: 2 metric(s) failed"));
        Assert.That(failure.Message, Does.Contain("clients-list p(95): actual 612 ms, limit <= 500 ms"));
        Assert.That(failure.Message, Does.Contain("clients-list rate: actual 5%, limit < 1%"));
        Assert.That(failure.Message, Does.Contain("| verdict"), "the full table is part of the failure");
    }

    [Test]
    public async Task RunAsync_BudgetMetButAnotherGateFailed_FailsWithThatGatesWordsFirst()
    {
        var failure = await Assert.ThrowsAsync<AssertionException>(() => Measured(100).WithGate(new RegressedGate()).RunAsync());

        Assert.That(failure!.Message, Does.StartWith("Regression against baseline 'main'"));
        Assert.That(failure.Message, Does.Not.Contain("breached"));
    }

    [Test]
    public async Task RunAsync_BudgetBreachedAndAnotherGateFailed_OneMessageWithTheBreachFirstAndTheOtherAfter()
    {
        var failure = await Assert.ThrowsAsync<AssertionException>(() => Measured(612).WithGate(new RegressedGate()).RunAsync());

        Assert.That(failure!.Message, Does.StartWith("Budget 'load' breached"));
        Assert.That(failure.Message, Does.Contain("Also failed: Regression against baseline 'main'"));
    }

    [Test]
    public async Task RunAsync_AllWithinTarget_PassesWithoutWarning()
    {
        var result = await Measured(100).RunAsync();

        Assert.That(result.Verdict, Is.EqualTo(PerfVerdict.Passed));
        Assert.That(result.FailureMessage ?? result.WarningMessage, Is.Null);
    }

    [Test]
    public async Task RunAsync_PastTheWarnLimit_RecordsAWarningAndDoesNotFail()
    {
        IList<AssertionResult> assertions;
        using (new TestExecutionContext.IsolatedContext())
        {
            await Measured(300).RunAsync();
            assertions = [.. TestExecutionContext.CurrentContext.CurrentResult.AssertionResults];
        }

        Assert.That(assertions, Has.Count.EqualTo(1));
        Assert.That(assertions[0].Status, Is.EqualTo(AssertionStatus.Warning));
        Assert.That(assertions[0].Message, Does.StartWith("Warning: Budget '").And.Contain("clients-list p(95): actual 300 ms, limit <= 250 ms"));
    }

    [Test]
    public async Task RunAsync_P99FromTenSamples_FailsAsNotEnoughDataNeverAsAPassingZero()
    {
        File.WriteAllText(Path.Combine(_budgets, "load.yaml"), "suite: load\nscenarios:\n  clients-list:\n    thresholds: [ \"p(99) < 1s\" ]\n");

        var failure = await Assert.ThrowsAsync<AssertionException>(() => Measured(1, samples: 10).RunAsync());

        Assert.That(failure!.Message, Does.Contain("clients-list p(99): not enough data: 10 samples, p(99) needs >= 100"));
    }

    private sealed class RegressedGate : IGate
    {
        public string Name => "regression";

        public GateResult Judge(PerfResult result) =>
            new(Name, GateVerdict.Failed, "1 scenario regressed") { Failure = "Regression against baseline 'main': 1 scenario(s) regressed" };
    }
}
