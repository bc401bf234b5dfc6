using System.Text.Json;
using PerfTests.Budgets;
using PerfTests;

namespace Harness.Tests.Budgets;

/// <summary>The budgets/ folder of this repository: every file loads, with every overlay, and matches the schema's keys.</summary>
[TestFixture]
public sealed class RepositoryBudgetFilesTests
{
    private static readonly string[] Suites = ["load", "stress", "spike", "endurance"];

    private static string Folder => BudgetLocator.FindFolder(TestContext.CurrentContext.TestDirectory, "load");

    private static IEnumerable<string> BaseFiles() =>
        Directory.GetFiles(BudgetLocator.FindFolder(AppContext.BaseDirectory, "load"), "*.yaml")
            .Where(f => Path.GetFileName(f).Count(c => c == '.') == 1)
            .Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(BaseFiles))]
    public void Load_EveryBaseFileWithEachOverlay_IsValid(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var overlays = Directory.GetFiles(Folder, name + ".*.yaml").Select(f => Path.GetFileName(f).Split('.')[1]).ToList();

        var budget = BudgetLoader.Load(path);

        Assert.That(budget.Suite, Is.EqualTo(name));
        Assert.That(budget.Scopes.SelectMany(s => s.Metrics), Is.Not.Empty);
        foreach (var overlay in overlays)
        {
            Assert.That(BudgetLoader.Load(path, overlay).Overlay, Is.EqualTo(overlay), $"{name}.{overlay}.yaml");
        }
    }

    [Test]
    public void Files_ExpectedSuites_AllExist()
    {
        Assert.That(BaseFiles().Select(Path.GetFileNameWithoutExtension),
            Is.SupersetOf(Suites));
    }

    [Test]
    public void Files_EveryYaml_ReferencesTheSchemaForEditors()
    {
        foreach (var file in Directory.GetFiles(Folder, "*.yaml"))
        {
            Assert.That(File.ReadLines(file).First(), Is.EqualTo("# yaml-language-server: $schema=./budget.schema.json"), file);
        }
    }

    [Test]
    public void Schema_KeysOfEachLevel_MatchWhatTheParserAccepts()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "budget.schema.json")));
        var root = schema.RootElement;
        var defs = root.GetProperty("$defs");

        Assert.That(Keys(root), Is.EquivalentTo(BudgetYamlReader.RootKeys));
        Assert.That(Keys(root.GetProperty("properties").GetProperty("defaults")), Is.EquivalentTo(BudgetYamlReader.DefaultsKeys));
        Assert.That(Keys(defs.GetProperty("scenario")), Is.EquivalentTo(ScopeYamlReader.ScenarioKeys));
        Assert.That(Keys(defs.GetProperty("step")), Is.EquivalentTo(ScopeYamlReader.StepKeys));
        Assert.That(Keys(defs.GetProperty("tier-custom")), Is.EquivalentTo(ScopeYamlReader.TierKeys));
        Assert.That(Keys(defs.GetProperty("thresholdObject")), Is.EquivalentTo(ScopeYamlReader.ThresholdKeys));
    }

    [Test]
    public void Load_LoadSuiteWithNightlyOverlay_AddsDeepTailsAndKeepsP95()
    {
        var path = Path.Combine(Folder, "load.yaml");

        var nightly = BudgetLoader.Load(path, "nightly").Scopes.Single(s => s.Scenario == "clients-list");
        var base_ = BudgetLoader.Load(path).Scopes.Single(s => s.Scenario == "clients-list");

        Assert.That(nightly.Metrics.Select(m => m.Metric.Name), Does.Contain("p(99.9)"));
        Assert.That(base_.Metrics.Select(m => m.Metric.Name), Does.Not.Contain("p(99.9)"));
        Assert.That(nightly.Metrics.Single(m => m.Metric.Name == "p(95)"), Is.EqualTo(base_.Metrics.Single(m => m.Metric.Name == "p(95)")));
    }

    [Test]
    public void Load_MissingOverlayFile_UsesTheBaseBudget()
    {
        var budget = BudgetLoader.Load(Path.Combine(Folder, "endurance.yaml"), "no-such-overlay");

        Assert.That(budget.Overlay, Is.Null);
        Assert.That(budget.Files, Has.Count.EqualTo(1));
    }

    private static List<string> Keys(JsonElement objectSchema) =>
        objectSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
}
