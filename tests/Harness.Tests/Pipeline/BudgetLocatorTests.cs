using PerfTests;

namespace Harness.Tests.Pipeline;

[TestFixture]
public sealed class BudgetLocatorTests
{
    private string root = string.Empty;

    [SetUp]
    public void CreateTree()
    {
        root = Path.Combine(Path.GetTempPath(), "budget-files-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "budgets"));
        Directory.CreateDirectory(Path.Combine(root, "tests", "bin", "Debug"));
        File.WriteAllText(Path.Combine(root, "budgets", "load.yaml"), "scenarios:\n  s:\n    thresholds: [ \"p(95) < 500ms\" ]\n");
        File.WriteAllText(Path.Combine(root, "budgets", "load.nightly.yaml"), "scenarios:\n  s:\n    thresholds: [ \"p(95) < 300ms\" ]\n");
    }

    [TearDown]
    public void DeleteTree() => Directory.Delete(root, recursive: true);

    [Test]
    public void FindFolder_FromDeepBelowTheRoot_FindsRootBudgets()
    {
        var folder = BudgetLocator.FindFolder(Path.Combine(root, "tests", "bin", "Debug"), "load");

        Assert.That(folder, Is.EqualTo(Path.Combine(root, "budgets")));
    }

    [Test]
    public void FindFolder_UnknownSuite_ThrowsNamingTheFileAndTheSetting()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => BudgetLocator.FindFolder(Path.Combine(root, "tests"), "soak"));

        Assert.That(ex!.Message, Does.Contain("budgets/soak.yaml").And.Contain("PERF_BUDGETS_FOLDER"));
    }

    [Test]
    public void Load_ConfiguredFolderAndOverlay_AppliesTheOverlay()
    {
        var settings = new PerfRunSettings(1, null, "nightly", Path.Combine(root, "budgets"));

        var budget = BudgetFiles.Load("load", settings);

        Assert.That(budget.Overlay, Is.EqualTo("nightly"));
        Assert.That(budget.Scopes.Single().Metrics.Single().Fail!.Value, Is.EqualTo(300));
    }

    [Test]
    public void Load_RepositoryLoadSuite_IsFoundFromTheTestAssembly()
    {
        var budget = BudgetFiles.Load("load", new PerfRunSettings(1, null, "nightly", null));

        Assert.That(budget.Overlay, Is.EqualTo("nightly"));
        Assert.That(budget.Scopes.Select(s => s.Scenario), Does.Contain("clients-list"));
    }
}
