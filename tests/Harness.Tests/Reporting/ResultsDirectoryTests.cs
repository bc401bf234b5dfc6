using PerfTests.Reporting.Context;

namespace Harness.Tests.Reporting;

[TestFixture]
internal sealed class ResultsDirectoryTests
{
    private string _root = null!;

    [SetUp]
    public void SetUp()
    {
        _root = Path.Combine(Path.GetTempPath(), "perftests-dirs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_root, "repo", "tests", "bin"));
        Directory.CreateDirectory(Path.Combine(_root, "plain", "bin"));
        File.WriteAllText(Path.Combine(_root, "repo", ".git"), "gitdir: elsewhere");
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Resolve_EnvironmentVariableSet_UsesIt()
    {
        var configured = Path.Combine(_root, "custom");

        var dir = ResultsDirectory.Resolve(_ => null, name => name == "ALLURE_RESULTS_DIR" ? configured : null, _root);

        Assert.That(dir, Is.EqualTo(configured));
    }

    [Test]
    public void Resolve_RunParameterSet_WinsOverTheVariable()
    {
        var configured = Path.Combine(_root, "from-runsettings");

        var dir = ResultsDirectory.Resolve(
            name => name == "AllureResultsDir" ? configured : null, name => name == "ALLURE_RESULTS_DIR" ? "elsewhere" : null, _root);

        Assert.That(dir, Is.EqualTo(configured));
    }

    [Test]
    public void Resolve_InsideRepository_AllureResultsAtRepositoryRoot()
    {
        var dir = ResultsDirectory.Resolve(_ => null, _ => null, Path.Combine(_root, "repo", "tests", "bin"));

        Assert.That(dir, Is.EqualTo(Path.Combine(_root, "repo", "allure-results")));
    }

    [Test]
    public void Resolve_NoRepositoryAbove_AllureResultsInStartFolder()
    {
        var start = Path.Combine(_root, "plain", "bin");

        var dir = ResultsDirectory.Resolve(_ => null, _ => null, start);

        // The temp folder itself could sit in a repository; only claim the fallback when none is above.
        Assume.That(Directory.Exists(Path.Combine(Path.GetTempPath(), ".git")), Is.False);
        Assert.That(dir, Is.EqualTo(Path.Combine(start, "allure-results")));
    }
}
