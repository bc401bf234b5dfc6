using PerfTests;
using PerfTests.Resources;

namespace Harness.Tests.Pipeline;

/// <summary>
/// Through the front door: a breach in one window of a run on a busy machine ends inconclusive after one
/// rerun, the earlier attempt in its message; with a real breach in every window it is a breach at once.
/// </summary>
[TestFixture]
public sealed class InconclusiveRerunTests
{
    private const int Rate = 20;
    private string _root = "";

    [SetUp]
    public void CreateBudget()
    {
        _root = Directory.CreateTempSubdirectory("perf-rerun-").FullName;
        File.WriteAllText(Path.Combine(_root, "rerun.yaml"), """
            suite: rerun
            scenarios:
              work:
                thresholds: [ "p(95) <= 100ms" ]
            """);
    }

    [TearDown]
    public void DeleteBudget() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task EvaluateAsync_BreachInOneWindowOnABusyMachine_InconclusiveAfterOneRerun()
    {
        // The third second's arrivals take 300 ms: p95 of the run breaches, the second 5 s window meets the limit.
        var result = await Test(slow: n => n / Rate % 11 == 2).EvaluateAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(PerfVerdict.Inconclusive));
            Assert.That(result.EarlierAttempts, Has.Count.EqualTo(1));
            Assert.That(result.InconclusiveMessage, Does.StartWith("Inconclusive: ").And.Contains("Attempt 1 of 2: Inconclusive: "));
            Assert.That(() => result.Assert(), Throws.InstanceOf<InconclusiveException>().With.Message.StartWith("Inconclusive: "));
        });
    }

    [Test]
    public async Task EvaluateAsync_SlowInEveryWindowOnABusyMachine_BreachWithoutRerun()
    {
        var result = await Test(slow: _ => true).EvaluateAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(PerfVerdict.Failed));
            Assert.That(result.EarlierAttempts, Is.Empty);
            Assert.That(result.FailureMessage, Does.StartWith("Budget 'rerun' breached").And.Contains("holds in every steady window"));
        });
    }

    private PerfTest Test(Func<long, bool> slow)
    {
        long arrivals = 0;
        var step = Step.Create("do", async context =>
        {
            var n = Interlocked.Increment(ref arrivals) - 1;
            await Task.Delay(slow(n) ? 300 : 2, context.CancellationToken);
            return StepResult.Ok();
        });
        return PerfTest.Create("rerun").WithSettings(new PerfSettings { BudgetsFolder = _root, SummaryFolder = _root }).Unscaled()
            .WithResources(new Neighbour())
            .Load(Scenario.Create("work", step).WithLoadSimulations(LoadSimulation.ConstantRate(Rate, TimeSpan.FromSeconds(11))));
    }

    /// <summary>Other processes at 100% of the cores: a source named "machine" replaces the /proc reading.</summary>
    private sealed class Neighbour : IResourceSource
    {
        public string Name => "machine";

        public ValueTask<IReadOnlyDictionary<string, double>> SampleAsync(CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyDictionary<string, double>>(new Dictionary<string, double> { ["foreign_cpu"] = 1 });
    }
}
