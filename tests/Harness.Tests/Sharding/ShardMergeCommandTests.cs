using System.Text.Json;
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

        var exit = Run(folders, budget, output, summary);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ShardMergeCommand.Passed), output.ToString());
            Assert.That(output.ToString(), Does.Contain("merge: Demo.Checkout.Load: 4 shards, 200 requests, budget 'merge' passed"), "every shard's 50 requests, about 40/s: no shard alone reaches 30/s");
            Assert.That(File.ReadAllText(summary), Does.Contain("(4 shards merged)").And.Match(@"\| 4/4 \| [^|]+ \| [^|]+ \| api \| 50 \| 0 \| 0 \| \d+(\.\d+)? ms \|"),
                "a row per shard and scenario, with the shard's own latency");
        });
    }

    [TestCase("rps: { target: 38/s, warn: 36/s, fail: 30/s }", "passed")]
    [TestCase("rps: { target: 100/s, warn: 90/s, fail: 80/s }", "failed")]
    public async Task Run_WritesOneAllureResultWithAStepPerShard_AndTheSummaryAsTheSingleRunNamesIt(string tiers, string status)
    {
        var folders = await ShardsAsync(4);
        var allure = Path.Combine(_root.FullName, "allure-results");
        using var output = new StringWriter();

        Run(folders, Budget(tiers), output, allure: allure);

        var files = Directory.GetFiles(allure, "*-result.json");
        Assert.That(files, Has.Length.EqualTo(1), "one result for the merged run, none per shard");
        using var json = JsonDocument.Parse(File.ReadAllText(files[0]));
        var result = json.RootElement;
        var steps = result.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        var attachments = result.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.GetProperty("status").GetString(), Is.EqualTo(status));
            Assert.That(result.GetProperty("fullName").GetString(), Is.EqualTo("Demo.Checkout.Load (4 shards merged)"));
            Assert.That(result.GetProperty("labels").EnumerateArray().Select(l => $"{l.GetProperty("name").GetString()}={l.GetProperty("value").GetString()}"),
                Does.Contain("subSuite=Checkout").And.Contain("tag=Sharded"));
            Assert.That(result.GetProperty("parameters").EnumerateArray().Select(p => $"{p.GetProperty("name").GetString()}={p.GetProperty("value").GetString()}"), Does.Contain("shards=4"));
            Assert.That(steps.Count(s => s!.StartsWith("shard ", StringComparison.Ordinal)), Is.EqualTo(4), string.Join("; ", steps));
            Assert.That(steps, Has.Some.StartsWith("shard 3/4 on ").And.EndsWith(": 50 requests, 0 failed"));
            var shardStep = result.GetProperty("steps").EnumerateArray().First(s => s.GetProperty("name").GetString()!.StartsWith("shard 1/4", StringComparison.Ordinal));
            Assert.That(shardStep.GetProperty("parameters").EnumerateArray().Select(p => $"{p.GetProperty("name").GetString()}={p.GetProperty("value").GetString()}"),
                Has.Some.Match(@"^api=50 requests, 0 failed, 0 dropped, p50 \d+(\.\d+)? ms, p95 \d+(\.\d+)? ms, p99 "), "each scenario's figures of the shard");
            Assert.That(steps[0], Is.EqualTo("overview"), "the overview first, as in a test's result");
            Assert.That(attachments, Does.Contain("budget table").And.Contain("shards"));
            Assert.That(File.Exists(Path.Combine(_root.FullName, "summaries", "Checkout.Load.json")), Is.True, "the merged summary is the next baseline of the same test");
            if (status == "failed")
            {
                Assert.That(result.GetProperty("statusDetails").GetProperty("message").GetString(), Does.StartWith("Budget 'merge' breached"), "filed as a budget breach");
            }
        }
    }

    [Test]
    public async Task Run_MergedSummaryRegressedAgainstTheSavedBaseline_ExitsOne_OrReportsWhenTold()
    {
        var baseline = Path.Combine(_root.FullName, "baseline");
        var budget = Budget("p(95): { target: 1s, warn: 2s, fail: 3s }");
        using var first = new StringWriter();
        Assert.That(Run(await ShardsAsync(2, seconds: 12, latencyMs: 10, set: "fast-"), budget, first, settings: new() { ["SummaryDir"] = baseline, ["BaselineInterval"] = "1" }),
            Is.EqualTo(ShardMergeCommand.Passed), first.ToString());

        var slow = await ShardsAsync(2, seconds: 12, latencyMs: 200, set: "slow-");
        using var gated = new StringWriter();
        using var reported = new StringWriter();
        var exit = Run(slow, budget, gated, settings: new() { ["BaselineDir"] = baseline, ["BaselineInterval"] = "1" });
        var reportOnly = Run(slow, budget, reported, settings: new() { ["BaselineDir"] = baseline, ["BaselineInterval"] = "1", ["BaselineGate"] = "report" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(ShardMergeCommand.Breached), gated.ToString());
            Assert.That(gated.ToString(), Does.Contain("budget 'merge' failed; baseline: regression").And.Contain("Regression"));
            Assert.That(reportOnly, Is.EqualTo(ShardMergeCommand.Passed), reported.ToString());
            Assert.That(reported.ToString(), Does.Contain("baseline: regression"));
        }
    }

    [Test]
    public async Task Run_MergedRunBreaches_ExitsOneWithTheLine()
    {
        var folders = await ShardsAsync(2);
        using var output = new StringWriter();

        var exit = Run(folders, Budget("rps: { target: 100/s, warn: 90/s, fail: 80/s }"), output);

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
        ShardOutput.Write(otherCommit, run, new ShardLabels { Commit = "0badc0de", Test = "Demo.Checkout.Load" });
        using var missing = new StringWriter();
        using var other = new StringWriter();

        Assert.Multiple(() =>
        {
            Assert.That(Run([folders[0], folders[1]], budget, missing), Is.EqualTo(ShardMergeCommand.InputError));
            Assert.That(missing.ToString(), Does.Contain("shard 3/3 is missing (got 1/3, 2/3)"));
            Assert.That(Run([folders[0], folders[1], otherCommit], budget, other), Is.EqualTo(ShardMergeCommand.InputError));
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

        Assert.That(Run(folders, budget, output), Is.EqualTo(ShardMergeCommand.InputError));
        Assert.That(output.ToString(), Does.Contain("broken.yaml(5,24)").And.Contain("scenarios.api.tiers.p(95).target"));
    }

    [Test]
    public async Task Main_FolderOfShardFolders_IsExpandedAndJudged()
    {
        // How download-artifact lays shards out: one folder per artifact under a root.
        await ShardsAsync(4);
        var budget = Budget("rps: { target: 38/s, warn: 36/s, fail: 30/s }");
        using var output = new StringWriter();

        var exit = ShardMergeCommand.Main(["--budget", budget, "--start-tolerance", "30", "--allure-results", Path.Combine(_root.FullName, "allure"), _root.FullName], output, _ => null, null);

        Assert.That(exit, Is.EqualTo(ShardMergeCommand.Passed), output.ToString());
        Assert.That(output.ToString(), Does.Contain("merge: Demo.Checkout.Load: 4 shards, 200 requests"));
    }

    [Test]
    public async Task Main_ShardsOfSeveralTests_EachJudgedByItsOwnBudget_TheWorstExitCodeWins()
    {
        // A category's run: each test's shards under one root (as artifact downloads lay them), each test's budget in budgets/.
        await ShardsAsync(2, set: "load/", test: "Load", budget: "checkout");
        await ShardsAsync(2, set: "search/", test: "Search", budget: "search");
        var budgets = Directory.CreateDirectory(Path.Combine(_root.FullName, "budgets")).FullName;
        File.WriteAllText(Path.Combine(budgets, "checkout.yaml"), "suite: checkout\nscenarios:\n  api:\n    tiers:\n      rps: { target: 18/s, warn: 16/s, fail: 15/s }\n");
        File.WriteAllText(Path.Combine(budgets, "search.yaml"), "suite: search\nscenarios:\n  api:\n    tiers:\n      rps: { target: 100/s, warn: 90/s, fail: 80/s }\n");
        var allure = Path.Combine(_root.FullName, "allure");
        using var output = new StringWriter();

        var exit = ShardMergeCommand.Main(["--budgets", budgets, "--allure-results", allure, "--summary-dir", Path.Combine(_root.FullName, "summaries"), _root.FullName], output, _ => null, null);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ShardMergeCommand.Breached), output.ToString());
            Assert.That(output.ToString(), Does.Contain("merge: Demo.Checkout.Load: 2 shards, 200 requests, budget 'checkout' passed")
                .And.Contain("merge: Demo.Checkout.Search: 2 shards, 200 requests, budget 'search' breached")
                .And.Contain("merge: 2 tests; Demo.Checkout.Load: passed; Demo.Checkout.Search: failed."));
            Assert.That(Directory.GetFiles(allure, "*-result.json"), Has.Length.EqualTo(2), "one result per test");
        });
    }

    [Test]
    public async Task Run_OneBudgetFileForSeveralTests_OrAShardNamingNoOrAHostileBudget_ExitsTwo()
    {
        var load = await ShardsAsync(1, set: "load/", test: "Load", budget: "../../etc/passwd");
        var search = await ShardsAsync(1, set: "search/", test: "Search");
        using var both = new StringWriter();
        using var hostile = new StringWriter();
        using var none = new StringWriter();
        var settings = PerfSettings.Read(_ => null, _ => null);

        Assert.Multiple(() =>
        {
            Assert.That(Run([.. load, .. search], Budget("rps: { fail: 1/s }"), both), Is.EqualTo(ShardMergeCommand.InputError));
            Assert.That(both.ToString(), Does.Contain("--budget names one budget file, but the folders hold shards of 2 tests"));
            Assert.That(ShardMergeCommand.Run(load, new ShardMergeOptions { Settings = settings }, hostile), Is.EqualTo(ShardMergeCommand.InputError));
            Assert.That(hostile.ToString(), Does.Contain("'../../etc/passwd' cannot name a budget file"));
            Assert.That(ShardMergeCommand.Run(search, new ShardMergeOptions { Settings = settings }, none), Is.EqualTo(ShardMergeCommand.InputError));
            Assert.That(none.ToString(), Does.Contain("shard 1/1 of Demo.Checkout.Search").And.Contain("names no budget").And.Contain("--budget"));
        });
    }

    [TestCase(new string[0], "no shard folder found")]
    [TestCase(new[] { "x", "--budget" }, "--budget needs a value")]
    [TestCase(new[] { "--budget", "b.yaml", "--shards", "x" }, "unknown option '--shards'")]
    [TestCase(new[] { "--budget", "b.yaml", "--start-tolerance", "soon", "x" }, "--start-tolerance 'soon' must be a number of seconds")]
    [TestCase(new[] { "--budget", "b.yaml", "x", "--baseline-dir" }, "--baseline-dir needs a value")]
    public void Main_BadArguments_ExitTwoWithUsage(string[] args, string expected)
    {
        using var output = new StringWriter();

        Assert.That(ShardMergeCommand.Main(args, output, _ => null, null), Is.EqualTo(ShardMergeCommand.InputError));
        Assert.That(output.ToString(), Does.Contain(expected).And.Contain("usage: perftests-merge"));
    }

    [Test]
    public async Task Main_RunSettings_SetsWhatTheOptionsDoNotSet()
    {
        await ShardsAsync(2);
        var budget = Budget("rps: { target: 38/s, warn: 36/s, fail: 30/s }");
        var profile = Path.Combine(_root.FullName, "pr.runsettings");
        var fromProfile = Path.Combine(_root.FullName, "profile-summaries");
        File.WriteAllText(profile, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <RunSettings>
              <TestRunParameters>
                <Parameter name="SummaryDir" value="{fromProfile}" />
                <Parameter name="BaselineGate" value="maybe" />
              </TestRunParameters>
            </RunSettings>
            """);
        using var bad = new StringWriter();
        using var output = new StringWriter();

        var refused = ShardMergeCommand.Main(["--budget", budget, "--runsettings", profile, _root.FullName], bad, _ => null, null);
        var exit = ShardMergeCommand.Main(["--budget", budget, "--runsettings", profile, "--baseline-gate", "report", "--allure-results", Path.Combine(_root.FullName, "allure"), _root.FullName], output, _ => null, null);

        Assert.Multiple(() =>
        {
            Assert.That(refused, Is.EqualTo(ShardMergeCommand.InputError));
            Assert.That(bad.ToString(), Does.Contain("run parameter 'BaselineGate' is 'maybe'"), "the profile's parameters are read as the tests read them");
            Assert.That(exit, Is.EqualTo(ShardMergeCommand.Passed), output.ToString());
            Assert.That(File.Exists(Path.Combine(fromProfile, "Checkout.Load.json")), Is.True, "the profile's SummaryDir; the command line's --baseline-gate won over the profile's");
        });
    }

    [TestCase("<RunSettings><TestRunParameters><Parameter name=\"x\" value=\"1\"></TestRunParameters></RunSettings>", "runsettings(1,")]
    [TestCase("<!DOCTYPE r [<!ENTITY a \"aaaa\">]><RunSettings>&a;</RunSettings>", "not a runsettings file")]
    [TestCase("<RunSettings><TestRunParameters><Parameter value=\"1\" /></TestRunParameters></RunSettings>", "a <Parameter> needs name and value")]
    public void Main_BrokenOrHostileRunSettings_ExitTwoNamingTheFileAndLine(string xml, string expected)
    {
        var profile = Path.Combine(_root.FullName, "bad.runsettings");
        File.WriteAllText(profile, xml);
        using var output = new StringWriter();

        Assert.That(ShardMergeCommand.Main(["--runsettings", profile, Path.Combine(_root.FullName, "x")], output, _ => null, null), Is.EqualTo(ShardMergeCommand.InputError));
        Assert.That(output.ToString(), Does.Contain(expected).And.Contain("bad.runsettings"));
    }

    [Test]
    public void Main_BadSetting_ExitsTwoNamingIt()
    {
        var folder = Path.Combine(_root.FullName, "shard");
        using var output = new StringWriter();

        Assert.That(ShardMergeCommand.Main(["--budget", "b.yaml", "--baseline-gate", "maybe", folder], output, _ => null, null), Is.EqualTo(ShardMergeCommand.InputError));
        Assert.That(output.ToString(), Does.Contain("BaselineGate"));
    }

    private int Run(IReadOnlyList<string> folders, string budget, TextWriter output, string? summary = null, string? allure = null, Dictionary<string, string>? settings = null)
    {
        var parameters = settings ?? [];
        if (summary is not null)
        {
            parameters["SummaryFile"] = summary;
        }

        parameters.TryAdd("SummaryDir", Path.Combine(_root.FullName, "summaries"));
        var options = new ShardMergeOptions
        {
            BudgetFile = budget,
            Settings = PerfSettings.Read(name => parameters.GetValueOrDefault(name), _ => null),
            AllureResultsDirectory = allure,
        };
        return ShardMergeCommand.Run(folders, options, output);
    }

    private string Budget(string tiers)
    {
        var path = Path.Combine(_root.FullName, "merge.yaml");
        File.WriteAllText(path, $"suite: merge\nscenarios:\n  api:\n    tiers:\n      {tiers}\n");
        return path;
    }

    /// <summary>The shards of <paramref name="seconds"/> at 40 arrivals/s, each answered in <paramref name="latencyMs"/>, written to their folders as a sharded PerfTest run would.</summary>
    private async Task<IReadOnlyList<string>> ShardsAsync(int count, int seconds = 5, int latencyMs = 0, string set = "", string test = "Load", string? budget = null)
    {
        var folders = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var fake = new FakeTimeProvider();
            var scenario = Scenario.Create("api", Step.Create("get", async _ =>
                {
                    if (latencyMs > 0)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(latencyMs), fake);
                    }

                    return StepResult.Ok(200, bytes: 10);
                }))
                .WithLoadSimulations(LoadSimulation.ConstantRate(40, TimeSpan.FromSeconds(seconds)));
            var options = new LoadRunnerOptions { TimeProvider = fake, Progress = ProgressMode.Never, Shard = Shard.Of(i, count) };
            LoadRunResult run = await Harness.Tests.Load.FakeClock.DriveAsync(fake, LoadRunner.RunAsync(scenario, options), TimeSpan.FromMilliseconds(50));
            var folder = Path.Combine(_root.FullName, set + $"shard-{i + 1}");
            ShardOutput.Write(folder, run, new ShardLabels { Commit = "abc1234", Test = "Demo.Checkout." + test, Fixture = "Demo.Checkout", TestName = test, Budget = budget });
            folders.Add(folder);
        }

        return folders;
    }
}
