using YamlDotNet.RepresentationModel;

namespace Harness.Tests.Workflows;

/// <summary>
/// The GitHub workflows cannot run on this machine, so their shape is checked instead: valid YAML,
/// the triggers users rely on, and steps that call the repository's own scripts (which CI does run).
/// </summary>
public sealed class GitHubWorkflowTests
{
    private static readonly string[] DispatchInputs = ["target_url", "allowed_hosts", "shards", "category", "profile", "start_delay"];
    private static readonly string WorkflowFolder = Path.Combine(RepositoryRoot(), ".github", "workflows");

    [Test]
    public void PrWorkflow_OnPullRequest_RunsHarnessTestsThenLoadAndWebVitalsAndPublishesSummary()
    {
        var root = Load("perf-pr.yml");

        Assert.That(Map(root, "on").Children.Keys.Select(k => k.ToString()), Does.Contain("pull_request"));
        var runs = Runs(root);
        Assert.That(runs, Has.Some.Contains("scripts/test.sh"));
        Assert.That(runs, Has.Some.Contains("scripts/run-perf.sh").And.Contains("--profile pr").And.Contains("--category Load,WebVitals,AB"));
        Assert.That(runs, Has.Some.Contains("GITHUB_STEP_SUMMARY"));
    }

    [Test]
    public void PrWorkflow_PushToMain_UploadsSummariesAsPerfBaseline()
    {
        var root = Load("perf-pr.yml");

        var push = Map(Map(root, "on"), "push");
        Assert.That(((YamlSequenceNode)push.Children[new YamlScalarNode("branches")]).Children.Select(b => b.ToString()), Does.Contain("main"));
        var upload = Steps(root).Single(step => Value(step, "uses")?.StartsWith("actions/upload-artifact", StringComparison.Ordinal) == true
            && Value(Map(step, "with"), "name") == "perf-baseline");
        Assert.That(Value(upload, "if"), Does.Contain("push").And.Contain("refs/heads/main"));
        Assert.That(Value(Map(upload, "with"), "path"), Does.Contain("artifacts/perf/summaries"));
    }

    [Test]
    public void PrWorkflow_OnPullRequest_FetchesMainsBaselineToleratingItsAbsenceAndPassesIt()
    {
        var root = Load("perf-pr.yml");

        Assert.That(Value(Map(root, "permissions"), "actions"), Is.EqualTo("read"));
        var fetch = Steps(root).Single(step => Value(step, "run")?.Contains("gh run download", StringComparison.Ordinal) == true);
        Assert.That(Value(fetch, "if"), Does.Contain("pull_request"));
        Assert.That(Map(fetch, "env").Children.Keys.Select(k => k.ToString()), Does.Contain("GH_TOKEN"));
        var script = Value(fetch, "run");
        Assert.That(script, Does.Contain("--branch main").And.Contain("--status success").And.Contain("-n perf-baseline"));
        Assert.That(script, Does.Contain("budgets only"), "the first run says it had no baseline");
        Assert.That(Runs(root), Has.Some.Contains("scripts/run-perf.sh").And.Contains("--baseline baseline"));
    }

    [Test]
    public void PrWorkflow_OnPullRequest_BuildsTheBaseBranchsPortalForTheSideBySideRun()
    {
        var root = Load("perf-pr.yml");

        var build = Steps(root).Single(step => Value(step, "run")?.Contains("PERF_BASELINE_APP", StringComparison.Ordinal) == true);
        Assert.That(Value(build, "if"), Does.Contain("pull_request"));
        var script = Value(build, "run");
        Assert.That(script, Does.Contain("github.base_ref").And.Contain("fixtures/SampleSystem").And.Contain("GITHUB_ENV"));
        Assert.That(script, Does.Contain("PerfTests.SampleSystem.dll"));
    }

    [Test]
    public void NightlyWorkflow_OnSchedule_RunsEveryCategoryWithNightlyProfile()
    {
        var root = Load("perf-nightly.yml");

        var schedule = (YamlSequenceNode)Map(root, "on").Children[new YamlScalarNode("schedule")];
        var cron = ((YamlMappingNode)schedule.Children[0]).Children[new YamlScalarNode("cron")].ToString();
        Assert.That(cron.Split(' '), Has.Length.EqualTo(5), "a cron expression has five fields");
        Assert.That(Runs(root), Has.Some.Contains("scripts/run-perf.sh").And.Contains("--profile nightly"));
    }

    [Test]
    public void DistributedWorkflow_OnDispatch_NamesTheTargetItsHostsAndTheShards()
    {
        var inputs = Map(Map(Map(Load("perf-distributed.yml"), "on"), "workflow_dispatch"), "inputs");

        Assert.That(inputs.Children.Keys.Select(k => k.ToString()), Is.SupersetOf(DispatchInputs));
        Assert.That(Value(Map(inputs, "target_url"), "required"), Is.EqualTo("true"), "no default target: the load goes where the user says");
        Assert.That(Value(Map(inputs, "allowed_hosts"), "required"), Is.EqualTo("true"), "a remote target is refused unless its host is named");
    }

    [Test]
    public void DistributedWorkflow_ShardMatrixFromThePlan_EachShardWaitsForOneStartAndUploadsItsOutput()
    {
        var shard = Job(Load("perf-distributed.yml"), "shard");
        var strategy = Map(shard, "strategy");
        var env = Map(shard, "env");
        var steps = JobSteps(shard);

        Assert.Multiple(() =>
        {
            Assert.That(Value(shard, "needs"), Is.EqualTo("plan"));
            Assert.That(Value(strategy, "fail-fast"), Is.EqualTo("false"), "a failed shard must not cancel the others: the merge names it");
            Assert.That(Value(Map(strategy, "matrix"), "shard"), Is.EqualTo("${{ fromJSON(needs.plan.outputs.shards) }}"));
            Assert.That(Value(env, "SHARD"), Is.EqualTo("${{ matrix.shard }}/${{ needs.plan.outputs.count }}"));
            Assert.That(Value(env, "START_AT"), Is.EqualTo("${{ needs.plan.outputs.start_at }}"));
            Assert.That((Value(env, "PERF_TARGET_URL"), Value(env, "PERF_ALLOWED_HOSTS")), Is.EqualTo(("${{ inputs.target_url }}", "${{ inputs.allowed_hosts }}")));
            Assert.That(steps.Select(s => Value(s, "run")).OfType<string>(), Has.Some.Contains("scripts/run-perf.sh").And.Contains("--shard \"$SHARD\"").And.Contains("--start-at \"$START_AT\""));
            var upload = steps.Single(s => Value(s, "uses")?.StartsWith("actions/upload-artifact", StringComparison.Ordinal) == true);
            Assert.That((Value(upload, "if"), Value(Map(upload, "with"), "name"), Value(Map(upload, "with"), "path")),
                Is.EqualTo(("always()", "perf-shard-${{ matrix.shard }}", "artifacts/shard/shards/")));
        });
    }

    [Test]
    public void DistributedWorkflow_MergeJob_DownloadsEveryShardAndJudgesOnceEvenAfterAFailedShard()
    {
        var merge = Job(Load("perf-distributed.yml"), "merge");
        var steps = JobSteps(merge);
        var download = steps.Single(s => Value(s, "uses")?.StartsWith("actions/download-artifact", StringComparison.Ordinal) == true);
        var runs = steps.Select(s => Value(s, "run")).OfType<string>().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(((YamlSequenceNode)merge.Children[new YamlScalarNode("needs")]).Children.Select(n => n.ToString()), Does.Contain("shard"));
            Assert.That(Value(merge, "if"), Does.Contain("always()"), "a missing shard ends in the merge's error, not in a skipped job");
            Assert.That((Value(Map(download, "with"), "pattern"), Value(Map(download, "with"), "path")), Is.EqualTo(("perf-shard-*", "shards")));
            Assert.That(runs, Has.Some.Contains("scripts/merge-shards.sh").And.Contains(" shards"));
            Assert.That(runs, Has.Some.Contains("GITHUB_STEP_SUMMARY"));
        });
    }

    [Test]
    public void DistributedWorkflow_NoInputIsPastedIntoAScript()
    {
        // ${{ inputs.x }} inside run: is script injection; inputs reach scripts through env only.
        var runs = Runs(Load("perf-distributed.yml"));

        Assert.That(runs, Has.None.Contains("${{ inputs."));
    }

    [TestCase("4", "120", 0, "[1,2,3,4]")]
    [TestCase("1", "30", 0, "[1]")]
    [TestCase("0", "120", 1, "must be a whole number from 1 to 64")]
    [TestCase("65", "120", 1, "must be a whole number from 1 to 64")]
    [TestCase("4; rm -rf /", "120", 1, "must be a whole number from 1 to 64")]
    [TestCase("4", "5", 1, "must be 30 to 3000 seconds")]
    public void DistributedWorkflow_PlanStep_RunInBash_ListsTheShardsAndAStartInTheFuture(string shards, string delay, int exitCode, string expected)
    {
        var plan = JobSteps(Job(Load("perf-distributed.yml"), "plan")).Single(s => Value(s, "id") == "plan");
        var output = Path.GetTempFileName();
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("bash", ["-euo", "pipefail", "-c", Value(plan, "run")!]) { RedirectStandardOutput = true };
            start.Environment["SHARDS"] = shards;
            start.Environment["START_DELAY"] = delay;
            start.Environment["GITHUB_OUTPUT"] = output;
            using var bash = System.Diagnostics.Process.Start(start)!;
            var stdout = bash.StandardOutput.ReadToEnd();
            bash.WaitForExit();
            var lines = File.ReadAllLines(output).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

            Assert.That(bash.ExitCode, Is.EqualTo(exitCode), stdout);
            if (exitCode != 0)
            {
                Assert.That(stdout, Does.Contain(expected));
                return;
            }

            Assert.That((lines["shards"], lines["count"]), Is.EqualTo((expected, shards)));
            var startAt = DateTimeOffset.Parse(lines["start_at"], System.Globalization.CultureInfo.InvariantCulture);
            Assert.That(startAt - DateTimeOffset.UtcNow, Is.InRange(TimeSpan.FromSeconds(int.Parse(delay, System.Globalization.CultureInfo.InvariantCulture) - 60), TimeSpan.FromSeconds(int.Parse(delay, System.Globalization.CultureInfo.InvariantCulture) + 1)));
            Assert.That(lines["start_at"], Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"), "the form PERF_SHARD_START_AT reads");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [TestCase("perf-pr.yml")]
    [TestCase("perf-nightly.yml")]
    [TestCase("perf-distributed.yml")]
    public void Workflow_EveryScriptItRuns_ExistsInTheRepository(string file)
    {
        var scripts = Runs(Load(file))
            .SelectMany(run => run.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
            .Where(word => word.StartsWith("scripts/", StringComparison.Ordinal));

        Assert.That(scripts, Is.Not.Empty);
        Assert.That(scripts, Has.All.Matches<string>(path => File.Exists(Path.Combine(RepositoryRoot(), path!))));
    }

    private static YamlMappingNode Load(string file)
    {
        using var reader = new StreamReader(Path.Combine(WorkflowFolder, file));
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) =>
        (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static List<YamlMappingNode> Steps(YamlMappingNode root) =>
        [.. Map(root, "jobs").Children.Values.Cast<YamlMappingNode>()
            .SelectMany(job => ((YamlSequenceNode)job.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>())];

    private static YamlMappingNode Job(YamlMappingNode root, string name) => Map(Map(root, "jobs"), name);

    private static List<YamlMappingNode> JobSteps(YamlMappingNode job) =>
        [.. ((YamlSequenceNode)job.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>()];

    private static string? Value(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value.ToString() : null;

    private static List<string> Runs(YamlMappingNode root) =>
        [.. Steps(root).Select(step => Value(step, "run")).OfType<string>()];

    private static string RepositoryRoot() => RepositoryFiles.Root;
}
