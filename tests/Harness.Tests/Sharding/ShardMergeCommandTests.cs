using Microsoft.Extensions.Time.Testing;
using PerfTests;
using PerfTests.Load.Results;
using PerfTests.Load.Running;
using PerfTests.Load.Sharding;
using PerfTests.Sharding;

namespace Harness.Tests.Sharding;

/// <summary>
/// The merge command over shard folders: four shards of 40 arrivals/s judged as one run (a throughput no
/// single shard reaches passes), a breach exits 1, and a missing shard, a shard of another commit or a
/// broken budget exits 2 naming the shard or the file.
/// </summary>
public sealed class ShardMergeCommandTests
{
    private DirectoryInfo _root = null!;

    [SetUp]
    public void SetUp() => _root = Directory.CreateTempSubdirectory("merge-");

    [TearDown]
    public void TearDown() => _root.Delete(recursive: true);

    [Test]
    public async Task Run_FourShards_JudgedOnceOnTheMergedRun()
    {
        var folders = await ShardsAsync(4);
        var budget = Budget("rps: { target: 38/s, warn: 36/s, fail: 30/s }\n      p(95): { target: 500ms, warn: 800ms, fail: 1s }");
        using var output = new StringWriter();
        var summary = Path.Combine(_root.FullName, "summary.md");

        var exit = ShardMergeCommand.Run(folders, budget, overlay: null, output, summary);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ShardMergeCommand.Passed), output.ToString());
            Assert.That(output.ToString(), Does.Contain("merge: 4 shards, 200 requests, budget 'merge' passed"), "every shard's 50 requests, about 40/s: no shard alone reaches 30/s");
            Assert.That(File.ReadAllText(summary), Does.Contain("(4 shards merged)").And.Contain("| 4/4 |"));
        });
    }

    [Test]
    public async Task Run_MergedRunBreaches_ExitsOneWithTheLine()
    {
        var folders = await ShardsAsync(2);
        using var output = new StringWriter();

        var exit = ShardMergeCommand.Run(folders, Budget("rps: { target: 100/s, warn: 90/s, fail: 80/s }"), null, output);

        Assert.That(exit, Is.EqualTo(ShardMergeCommand.Breached));
        Assert.That(output.ToString(), Does.Contain("budget 'merge' breached"));
    }

    [Test]
    public async Task Run_MissingShardOrAnotherCommit_ExitsTwoNamingTheShard()
    {
        var folders = await ShardsAsync(3);
        var budget = Budget("rps: { target: 38/s, warn: 36/s, fail: 30/s }");
        var run = ShardOutput.Read(folders[2]).Run;
        var otherCommit = Path.Combine(_root.FullName, "other-commit");
        ShardOutput.Write(otherCommit, run, "0badc0de", "Demo.Test");
        using var missing = new StringWriter();
        using var other = new StringWriter();

        Assert.Multiple(() =>
        {
            Assert.That(ShardMergeCommand.Run([folders[0], folders[1]], budget, null, missing), Is.EqualTo(ShardMergeCommand.InputError));
            Assert.That(missing.ToString(), Does.Contain("shard 3/3 is missing (got 1/3, 2/3)"));
            Assert.That(ShardMergeCommand.Run([folders[0], folders[1], otherCommit], budget, null, other), Is.EqualTo(ShardMergeCommand.InputError));
            Assert.That(other.ToString(), Does.Contain($"shard 3/3 ({otherCommit}) ran commit '0badc0de'"));
        });
    }

    [Test]
    public async Task Run_BrokenBudget_ExitsTwoNamingTheFileAndLine()
    {
        var folders = await ShardsAsync(2);
        var budget = Path.Combine(_root.FullName, "broken.yaml");
        File.WriteAllText(budget, "suite: merge\nscenarios:\n  api:\n    tiers:\n      p(95): { target: fast }\n");
        using var output = new StringWriter();

        Assert.That(ShardMergeCommand.Run(folders, budget, null, output), Is.EqualTo(ShardMergeCommand.InputError));
        Assert.That(output.ToString(), Does.Contain("broken.yaml(5,24)").And.Contain("scenarios.api.tiers.p(95).target"));
    }

    [Test]
    public async Task Main_FolderOfShardFolders_IsExpandedAndJudged()
    {
        // How download-artifact lays shards out: one folder per artifact under a root.
        await ShardsAsync(4);
        var budget = Budget("rps: { target: 38/s, warn: 36/s, fail: 30/s }");
        using var output = new StringWriter();

        var exit = ShardMergeCommand.Main(["--budget", budget, "--start-tolerance", "30", _root.FullName], output);

        Assert.That(exit, Is.EqualTo(ShardMergeCommand.Passed), output.ToString());
        Assert.That(output.ToString(), Does.Contain("merge: 4 shards, 200 requests"));
    }

    [TestCase(new string[0], "--budget <budget.yaml> is required")]
    [TestCase(new[] { "--budget", "b.yaml", "--shards", "x" }, "unknown option '--shards'")]
    [TestCase(new[] { "--budget", "b.yaml", "--start-tolerance", "soon", "x" }, "--start-tolerance 'soon' must be a number of seconds")]
    public void Main_BadArguments_ExitTwoWithUsage(string[] args, string expected)
    {
        using var output = new StringWriter();

        Assert.That(ShardMergeCommand.Main(args, output), Is.EqualTo(ShardMergeCommand.InputError));
        Assert.That(output.ToString(), Does.Contain(expected).And.Contain("usage: perftests-merge"));
    }

    private string Budget(string tiers)
    {
        var path = Path.Combine(_root.FullName, "merge.yaml");
        File.WriteAllText(path, $"suite: merge\nscenarios:\n  api:\n    tiers:\n      {tiers}\n");
        return path;
    }

    /// <summary>The shards of 5 s at 40 arrivals/s, each written to its folder as a sharded PerfTest run would.</summary>
    private async Task<IReadOnlyList<string>> ShardsAsync(int count)
    {
        var folders = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var fake = new FakeTimeProvider();
            var scenario = Scenario.Create("api", Step.Create("get", _ => ValueTask.FromResult(StepResult.Ok(200, bytes: 10))))
                .WithLoadSimulations(LoadSimulation.ConstantRate(40, TimeSpan.FromSeconds(5)));
            var options = new LoadRunnerOptions { TimeProvider = fake, Progress = ProgressMode.Never, Shard = Shard.Of(i, count) };
            LoadRunResult run = await Harness.Tests.Load.FakeClock.DriveAsync(fake, LoadRunner.RunAsync(scenario, options), TimeSpan.FromMilliseconds(50));
            var folder = Path.Combine(_root.FullName, $"shard-{i + 1}");
            ShardOutput.Write(folder, run, "abc1234", "Demo.Test");
            folders.Add(folder);
        }

        return folders;
    }
}
