using PerfTests.Reporting.Environment;
using PerfTests.Reporting.Model;
using PerfTests.Reporting.Writing;

namespace Harness.Tests.Reporting;

[TestFixture]
internal sealed class RunFilesTests
{
    private static readonly Dictionary<string, string> GitHubEnv = new()
    {
        ["GITHUB_SHA"] = "0123456789abcdef0123456789abcdef01234567",
        ["GITHUB_REF_NAME"] = "main",
        ["GITHUB_SERVER_URL"] = "https://github.com",
        ["GITHUB_REPOSITORY"] = "acme/perftests",
        ["GITHUB_RUN_ID"] = "987654",
        ["GITHUB_RUN_NUMBER"] = "42",
        ["GITHUB_WORKFLOW"] = "nightly",
    };

    [Test]
    public void StartTest_FirstTest_WritesEnvironmentExecutorAndCategories()
    {
        using var fx = new ReportingFixture(GitHubEnv);

        fx.Lifecycle.StartTest("t", "C", new TestResult { Uuid = Guid.NewGuid().ToString(), FullName = "A.B", Name = "B" });

        var environment = File.ReadAllText(Path.Combine(fx.Directory, "environment.properties"));
        Assert.Multiple(() =>
        {
            Assert.That(environment, Does.Contain("git.commit=0123456789abcdef0123456789abcdef01234567\n"));
            Assert.That(environment, Does.Contain("git.branch=main\n"));
            Assert.That(environment, Does.Contain($"cpu.count={Environment.ProcessorCount}\n"));
            Assert.That(environment, Does.Contain("dotnet.version=.NET "));
            Assert.That(environment, Does.Match("(?m)^machine=.+$"));
            Assert.That(environment, Does.Match("(?m)^cpu\\.model=.+$"));
        });
        ReportingFixture.AssertMatchesExpected(File.ReadAllText(Path.Combine(fx.Directory, "executor.json")), "executor.expected.json");
        ReportingFixture.AssertMatchesExpected(File.ReadAllText(Path.Combine(fx.Directory, "categories.json")), "categories.expected.json");
    }

    [Test]
    public void FromGitHub_OutsideCi_Null()
    {
        Assert.That(ExecutorInfo.FromGitHub(_ => null), Is.Null);
    }

    [Test]
    public void WriteEnvironment_SpecialCharacters_EscapedAsJavaProperties()
    {
        using var fx = new ReportingFixture();

        fx.Writer.WriteEnvironment([new("a key", "line1\nline2 = x\\y")]);

        Assert.That(File.ReadAllText(Path.Combine(fx.Directory, "environment.properties")), Is.EqualTo("a\\ key=line1\\nline2 = x\\\\y\n"));
    }

    [TestCase("Budget breach", "Budget 'checkout' breached:\np99 = 512 ms > 400 ms", "failed")]
    [TestCase("Regression", "p99 regression vs baseline: +35 %", "failed")]
    [TestCase("Environment failure", "DockerApiException: container postgres did not start", "broken")]
    public void DefaultCategories_TypicalMessage_MatchedByFirstCategoryLikeAllure2(string category, string message, string status)
    {
        // Allure 2 uses Java's matches(): the regex must match the whole (multi-line) message.
        var first = DefaultCategories.All.First(c =>
            c.MatchedStatuses.Contains(status) &&
            System.Text.RegularExpressions.Regex.IsMatch(message, "^(?:" + c.MessageRegex + ")$"));

        Assert.That(first.Name, Is.EqualTo(category));
    }

    [Test]
    public void GitCommit_NoGitHubSha_ReadsFromGitOrNull()
    {
        var commit = RunEnvironment.GitCommit(_ => null, TestContext.CurrentContext.WorkDirectory);

        // Outside a git checkout null is the honest answer; inside one it is a 40-hex sha.
        Assert.That(commit, Is.Null.Or.Match("^[0-9a-f]{40}$"));
    }
}
