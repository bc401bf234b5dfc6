using Harness.Tests.Analysis;
using PerfTests;
using PerfTests.Analysis.Baselines;
using PerfTests.Exporters;
using PerfTests.Gates;

namespace Harness.Tests.Pipeline;

/// <summary>
/// The front door's order and guarantees, with hand-built runs (no engine, no network): exporters run
/// before the verdict and never hide it, budgets and gates are judged, the duration scale applies unless
/// the test opts out, expectations and faults change the verdict the documented way.
/// </summary>
[TestFixture]
public sealed class PerfTestTests
{
    private const string Budget = """
        suite: checkout
        scenarios:
          checkout:
            tiers:
              p(95): { target: 5ms, warn: 8ms, fail: 10ms }
        """;

    private string _root = "";

    private PerfSettings Settings => new()
    {
        BudgetsFolder = Path.Combine(_root, "budgets"),
        SummaryFolder = Path.Combine(_root, "summaries"),
        BaselineInterval = TimeSpan.FromSeconds(1),
        DurationScale = 0.1,
    };

    [SetUp]
    public void CreateFolders()
    {
        _root = Directory.CreateTempSubdirectory("perf-front-door-").FullName;
        Directory.CreateDirectory(Path.Combine(_root, "budgets"));
        File.WriteAllText(Path.Combine(_root, "budgets", "checkout.yaml"), Budget);
    }

    [TearDown]
    public void DeleteFolders() => Directory.Delete(_root, recursive: true);

    /// <summary>A 30 s run of "checkout" with latencies around <paramref name="baseUs"/> µs.</summary>
    private static Func<PerfRunContext, Task> Measured(double baseUs, int seed = 1) => context =>
    {
        context.AddRun(FakeRuns.Run("checkout", 30, baseUs, seed, new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)));
        return Task.CompletedTask;
    };

    [Test]
    public async Task EvaluateAsync_Shard_WritesItsOutputAndLeavesTheBudgetToTheMerge()
    {
        // A shard's 20 ms would breach the 10 ms budget, but a shard's share is judged only once merged.
        var shards = Path.Combine(_root, "shards");
        var result = await PerfTest.Create("checkout").WithSettings(Settings with { Shard = Shard.Of(1, 3), ShardFolder = shards }).Run(Measured(baseUs: 20_000)).EvaluateAsync();

        var folder = Directory.GetDirectories(Path.Combine(shards, Directory.GetDirectories(shards).Single())).Single();
        var (manifest, run) = PerfTests.Load.Sharding.ShardOutput.Read(folder);
        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(PerfVerdict.Passed), result.FailureMessage);
            Assert.That(result.Gates.Single(g => g.Gate == "budget").Summary, Does.Contain("shard 2/3: judged once on the merged shards"));
            Assert.That(Path.GetFileName(folder), Is.EqualTo("shard-2-of-3"));
            Assert.That((manifest.ShardIndex, manifest.ShardCount), Is.EqualTo((1, 3)));
            Assert.That((manifest.Budget, string.Join(",", manifest.BudgetScenarios)), Is.EqualTo(("checkout", "checkout")), "the merge finds the test's own budget by it");
            Assert.That(run["checkout"].RequestCount, Is.EqualTo(result.Run!["checkout"].RequestCount));
        });
    }

    [Test]
    public async Task EvaluateAsync_ShardWithAStartTime_LoadsNotBeforeIt_AndAStartHoursOffIsRefusedBeforeSetUp()
    {
        var start = DateTimeOffset.UtcNow.AddSeconds(1.5);
        var sharded = Settings with { Shard = Shard.Of(0, 2), ShardFolder = Path.Combine(_root, "shards"), ShardStartAt = start };
        var loadStarted = DateTimeOffset.MinValue;
        var setUp = false;

        await PerfTest.Create("checkout").WithSettings(sharded).Run(context =>
        {
            loadStarted = DateTimeOffset.UtcNow;
            return Measured(baseUs: 5_000)(context);
        }).EvaluateAsync();
        var refused = await Assert.ThrowsAsync<PerfSettingsException>(() => PerfTest.Create("checkout")
            .WithSettings(sharded with { ShardStartAt = DateTimeOffset.UtcNow.AddHours(3) })
            .Setup(_ => { setUp = true; return Task.CompletedTask; }).Run(Measured(baseUs: 5_000)).EvaluateAsync());

        Assert.Multiple(() =>
        {
            Assert.That(loadStarted, Is.GreaterThanOrEqualTo(start), "the shard's load began before the shards' start");
            Assert.That(refused!.Message, Does.Contain("a shard waits at most 60 minutes"));
            Assert.That(setUp, Is.False, "refused before anything was set up");
        });
    }

    [Test]
    public async Task RunAsync_ExporterThrowsOnABreachedBudget_TheBreachStillFailsTheTestAndTheProblemIsListed()
    {
        var test = PerfTest.Create("checkout").WithSettings(Settings).Run(Measured(baseUs: 20_000)).WithExporter(new ExplodingExporter());

        var failure = await Assert.ThrowsAsync<AssertionException>(() => test.RunAsync());

        Assert.That(failure!.Message, Does.StartWith("Budget 'checkout' breached: 1 metric(s) failed"));
        Assert.That(failure.Message, Does.Contain("The report is incomplete").And.Contain("exploding: InvalidOperationException: disk full"));
    }

    [Test]
    public async Task RunAsync_ExporterThrowsOnAPassingRun_TestPassesAndTheProblemIsReported()
    {
        var result = await PerfTest.Create("checkout").WithSettings(Settings).Run(Measured(baseUs: 2_000)).WithExporter(new ExplodingExporter()).RunAsync();

        Assert.That(result.Verdict, Is.EqualTo(PerfVerdict.Passed));
        Assert.That(result.ReportProblems, Has.One.StartsWith("exploding: InvalidOperationException"));
        Assert.That(File.Exists(Path.Combine(_root, "summaries", RunSummaryFile.FileName(TestContext.CurrentContext.Test.ClassName, TestContext.CurrentContext.Test.Name))),
            "the default exporters ran: the run summary was saved");
    }

    [Test]
    public void CompositeExporter_FirstExporterThrows_TheNextStillRunsAndTheProblemIsListed()
    {
        var after = new CountingExporter();
        var context = new ExportContext(new Harness.Tests.Exporters.RecordingSink(), _ => { });

        new CompositeExporter([new ExplodingExporter(), after]).Export(EmptyResult(), context);

        Assert.That(after.Calls, Is.EqualTo(1));
        Assert.That(context.Problems, Has.One.StartsWith("exploding:"));
    }

    [Test]
    public async Task EvaluateAsync_BrokenBudgetFile_FailsBeforeTheWorkloadRuns()
    {
        File.WriteAllText(Path.Combine(_root, "budgets", "checkout.yaml"), "suite: checkout\nscenarios:\n  checkout:\n    tiers:\n      p(95): { fail: fast }\n");
        var ran = false;

        await Assert.ThrowsAsync<PerfTests.Budgets.BudgetValidationException>(() =>
            PerfTest.Create("checkout").WithSettings(Settings).Run(_ => { ran = true; return Task.CompletedTask; }).EvaluateAsync());

        Assert.That(ran, Is.False, "budget errors are found before any load is sent");
    }

    [Test]
    public async Task EvaluateAsync_IgnoredMetricWithoutEnoughData_WarnsNamingIt()
    {
        // p(99.99) needs 10,000 samples; the run has 30 s at about 100/s. "ignore" skips it, visibly.
        File.WriteAllText(Path.Combine(_root, "budgets", "checkout.yaml"),
            "suite: checkout\nscenarios:\n  checkout:\n    on_insufficient_data: ignore\n    thresholds: [ \"p(95) < 10ms\", \"p(99.99) < 10ms\" ]\n");

        var result = await PerfTest.Create("checkout").WithSettings(Settings).Run(Measured(2_000)).EvaluateAsync();

        Assert.That(result.Verdict, Is.EqualTo(PerfVerdict.Warned));
        Assert.That(result.WarningMessage, Does.Contain("1 metric(s) not judged (on_insufficient_data: ignore)").And.Contain("checkout p(99.99): not enough data"));
    }

    [Test]
    public async Task EvaluateAsync_EveryMetricSkipped_FailsBecauseNothingWasJudged()
    {
        File.WriteAllText(Path.Combine(_root, "budgets", "checkout.yaml"),
            "suite: checkout\nscenarios:\n  checkout:\n    on_insufficient_data: ignore\n    thresholds: [ \"p(99.99) < 10ms\" ]\n");

        var result = await PerfTest.Create("checkout").WithSettings(Settings).Run(Measured(2_000)).EvaluateAsync();

        Assert.That(result.Verdict, Is.EqualTo(PerfVerdict.Failed));
        Assert.That(result.FailureMessage, Does.StartWith("Budget 'checkout' judged nothing: all 1 metric(s) were skipped"));
    }

    [Test]
    public async Task EvaluateAsync_GateThrows_FailsTheTestInsteadOfPassingIt()
    {
        var result = await PerfTest.Create("checkout").WithSettings(Settings).Run(Measured(2_000)).WithGate(new ThrowingGate()).EvaluateAsync();

        Assert.That(result.Verdict, Is.EqualTo(PerfVerdict.Failed));
        Assert.That(result.FailureMessage, Does.Contain("Gate 'throwing' could not judge the run: NotSupportedException"));
    }

    [Test]
    public async Task Scale_DefaultAndUnscaled_ProfileScaleAppliesUnlessTheTestOptsOut()
    {
        TimeSpan scaled = default, unscaled = default;

        await PerfTest.Create("checkout").WithSettings(Settings).Run(c => { scaled = c.Scale(TimeSpan.FromMinutes(5)); return Measured(2_000)(c); }).EvaluateAsync();
        await PerfTest.Create("checkout").WithSettings(Settings).Unscaled().Run(c => { unscaled = c.Scale(TimeSpan.FromMinutes(5)); return Measured(2_000)(c); }).EvaluateAsync();

        Assert.That(scaled, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(unscaled, Is.EqualTo(TimeSpan.FromMinutes(5)));
    }

    [Test]
    public async Task Expect_NotMet_FailsNamingTheExpectation()
    {
        var result = await PerfTest.Create("checkout").WithSettings(Settings)
            .Run(async c => { await Measured(2_000)(c); c.Expect(false, "the drill must have seen writes"); }).EvaluateAsync();

        Assert.That(result.FailureMessage, Does.StartWith("Expectation not met: the drill must have seen writes"));
    }

    [TestCase(false, GateVerdict.Failed)]
    [TestCase(true, GateVerdict.Reported)]
    public async Task SavedBaseline_SlowerThanBaseline_FailsUnlessFaultsWereInjected(bool faults, GateVerdict expected)
    {
        var baselines = Directory.CreateDirectory(Path.Combine(_root, "baseline")).FullName;
        var fileName = RunSummaryFile.FileName(TestContext.CurrentContext.Test.ClassName, TestContext.CurrentContext.Test.Name);
        var fast = FakeRuns.Run("checkout", 30, 1_000, seed: 7, DateTimeOffset.UnixEpoch);
        File.WriteAllText(Path.Combine(baselines, fileName), RunSummaryFile.ToJson(RunSummaryFactory.Create(fast, "checkout", TimeSpan.FromSeconds(1), "main")));

        var result = await PerfTest.Create("checkout").WithoutBudget().WithSettings(Settings with { BaselineFolder = baselines })
            .Run(async c =>
            {
                await Measured(3_000, seed: 8)(c);
                if (faults)
                {
                    c.Fault(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), "downstream 503s");
                }
            })
            .EvaluateAsync();

        Assert.That(result.Gates.Single(g => g.Gate == SavedBaselineGate.GateName).Verdict, Is.EqualTo(expected));
        Assert.That(result.Baseline!.IsRegression, Is.True);
    }

    private PerfResult EmptyResult() => new("checkout", TestIdentity.Current, Settings);

    private sealed class ExplodingExporter : IExporter
    {
        public string Name => "exploding";

        public void Export(PerfResult result, ExportContext context) => throw new InvalidOperationException("disk full");
    }

    private sealed class CountingExporter : IExporter
    {
        public int Calls { get; private set; }

        public string Name => "counting";

        public void Export(PerfResult result, ExportContext context) => Calls++;
    }

    private sealed class ThrowingGate : IGate
    {
        public string Name => "throwing";

        public GateResult Judge(PerfResult result) => throw new NotSupportedException("cannot judge");
    }
}
