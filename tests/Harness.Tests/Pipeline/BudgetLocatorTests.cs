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
        var settings = new PerfSettings { BudgetOverlay = "nightly", BudgetsFolder = Path.Combine(root, "budgets") };

        var budget = BudgetLocator.Load("load", settings, root);

        Assert.That(budget.Overlay, Is.EqualTo("nightly"));
        Assert.That(budget.Scopes.Single().Metrics.Single().Fail!.Value, Is.EqualTo(300));
    }

    [Test]
    public void Load_RepositoryLoadSuite_IsFoundFromTheTestAssembly()
    {
        var budget = BudgetLocator.Load("load", new PerfSettings { BudgetOverlay = "nightly" }, TestContext.CurrentContext.TestDirectory);

        Assert.That(budget.Overlay, Is.EqualTo("nightly"));
        Assert.That(budget.Scopes.Select(s => s.Scenario), Does.Contain("clients-list"));
    }

    [TestCase("../secrets")]
    [TestCase("/etc/passwd")]
    [TestCase(".hidden")]
    [TestCase("a/b")]
    [TestCase("")]
    public void Load_NameThatIsAPath_IsRefusedBeforeAnyFileIsRead(string name) =>
        Assert.Throws(Is.InstanceOf<ArgumentException>(), () => BudgetLocator.Load(name, new PerfSettings { BudgetsFolder = root }, root));

    [Test]
    public void Load_OnlyScenariosTheFileLacks_FailsNamingThemAndTheOnesItHas()
    {
        var settings = new PerfSettings { BudgetsFolder = Path.Combine(root, "budgets") };

        var error = Assert.Throws<ArgumentException>(() => BudgetLocator.Load("load", settings, root, ["checkout"]));

        Assert.That(error!.Message, Does.Contain("no scenario 'checkout'").And.Contain("it has 's'"));
    }
}
