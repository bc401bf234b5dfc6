using System.Text.Json;
using System.Xml.Linq;
using YamlDotNet.RepresentationModel;

namespace Harness.Tests.Packaging;

/// <summary>
/// The template names package versions in text the compiler never sees: they must be the versions
/// this repository packs and builds with, or a generated project restores something else.
/// </summary>
[TestFixture]
public sealed class TemplateConsistencyTests
{
    private static readonly string[] WorkflowJobs = ["pr-gate", "nightly"];

    private static string HarnessVersion =>
        XDocument.Parse(RepositoryFiles.Read("harness/Directory.Build.props")).Descendants("VersionPrefix").Single().Value;

    private static XDocument TemplateProject => XDocument.Parse(RepositoryFiles.Read("templates/perftests/PerfTestsProject.csproj"));

    [Test]
    public void TemplateDefaultVersion_IsTheVersionThePackagesGet()
    {
        using var template = JsonDocument.Parse(RepositoryFiles.Read("templates/perftests/.template.config/template.json"));
        var defaultVersion = template.RootElement.GetProperty("symbols").GetProperty("perfTestsVersion").GetProperty("defaultValue").GetString();
        var templatePackage = XDocument.Parse(RepositoryFiles.Read("templates/PerfTests.Templates.csproj")).Descendants("VersionPrefix").Single().Value;

        Assert.Multiple(() =>
        {
            Assert.That(defaultVersion, Is.EqualTo(HarnessVersion), "template.json perfTestsVersion");
            Assert.That(templatePackage, Is.EqualTo(HarnessVersion), "the template package's own version");
        });
    }

    [Test]
    public void TemplateTestPackages_AreTheVersionsThisRepositoryTestsWith()
    {
        var central = XDocument.Parse(RepositoryFiles.Read("Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(p => (string)p.Attribute("Include")!, p => (string)p.Attribute("Version")!);
        var pinned = TemplateProject.Descendants("PackageReference")
            .Where(p => !((string)p.Attribute("Include")!).StartsWith("PerfTests", StringComparison.Ordinal))
            .ToDictionary(p => (string)p.Attribute("Include")!, p => (string)p.Attribute("Version")!);

        Assert.That(pinned, Is.Not.Empty);
        foreach (var (id, version) in pinned)
        {
            Assert.That(central.GetValueOrDefault(id), Is.EqualTo(version), $"{id} in the template's project file");
        }
    }

    [Test]
    public void TemplatePerfTestsPackages_AllExistAndUseTheVersionSymbol()
    {
        var packages = TemplateProject.Descendants("PackageReference").Where(p => ((string)p.Attribute("Include")!).StartsWith("PerfTests", StringComparison.Ordinal)).ToList();
        var packed = Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "harness"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension).ToHashSet();

        Assert.That(packages, Is.Not.Empty);
        foreach (var package in packages)
        {
            Assert.That(packed, Does.Contain((string)package.Attribute("Include")!), "a harness project packs it");
            Assert.That((string)package.Attribute("Version")!, Is.EqualTo("PERFTESTS_VERSION"));
        }
    }

    [Test]
    public void ExampleBudgetSchema_IsTheRepositorysSchema() =>
        Assert.That(RepositoryFiles.Read("examples/Orders/tests/Orders.PerfTests/budgets/budget.schema.json"),
            Is.EqualTo(RepositoryFiles.Read("budgets/budget.schema.json")), "the example's copy (made by the template) has drifted: copy budgets/budget.schema.json over it");

    /// <summary>GitHub runs the workflow only where the user puts it, never here: at least it parses and runs the project it names.</summary>
    [Test]
    public void TemplateWorkflow_ParsesWithAPullRequestGateAndANightlyJob()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(RepositoryFiles.Read("templates/perftests/.github/workflows/perf.yml")));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var jobs = (YamlMappingNode)root.Children[new YamlScalarNode("jobs")];
        var runs = jobs.Children.Values.Cast<YamlMappingNode>()
            .SelectMany(job => ((YamlSequenceNode)job.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>())
            .Where(step => step.Children.ContainsKey(new YamlScalarNode("run")))
            .Select(step => step.Children[new YamlScalarNode("run")].ToString())
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(jobs.Children.Keys.Select(k => k.ToString()), Is.EquivalentTo(WorkflowJobs));
            Assert.That(runs.Where(r => r.Contains("dotnet test", StringComparison.Ordinal)), Has.All.Contains("\"$PERF_PROJECT\"").And.All.Contains("runsettings"));
            Assert.That(runs, Has.Some.Contains("--filter Category=Load").And.Some.Contains("pr.runsettings"));
        });
    }
}
