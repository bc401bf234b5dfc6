using YamlDotNet.RepresentationModel;

namespace Harness.Tests.Workflows;

/// <summary>
/// The GitHub workflows cannot run on this machine, so their shape is checked instead: valid YAML,
/// the triggers users rely on, and steps that call the repository's own scripts (which CI does run).
/// </summary>
public sealed class GitHubWorkflowTests
{
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

    [TestCase("perf-pr.yml")]
    [TestCase("perf-nightly.yml")]
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

    private static string? Value(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value.ToString() : null;

    private static List<string> Runs(YamlMappingNode root) =>
        [.. Steps(root).Select(step => Value(step, "run")).OfType<string>()];

    private static string RepositoryRoot() => RepositoryFiles.Root;
}
