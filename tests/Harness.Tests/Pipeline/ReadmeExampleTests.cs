using System.Text.RegularExpressions;

namespace Harness.Tests.Pipeline;

/// <summary>
/// README's first example is real code: the test class it shows is, line for line, the class that runs
/// against a loopback orders API in tests/Integration.Tests/FrontDoor, and it stays as short as promised.
/// </summary>
[TestFixture]
public sealed partial class ReadmeExampleTests
{
    [Test]
    public void OrdersExample_InReadme_IsTheClassTheIntegrationTestRuns()
    {
        var readme = ExampleBlock(RepositoryFiles.Read("README.md"));
        var test = RepositoryFiles.Read("tests/Integration.Tests/FrontDoor/OrdersLoadTests.cs");

        Assert.That(ClassOf(readme), Is.EqualTo(ClassOf(test)));
    }

    [Test]
    public void OrdersExample_InReadme_HasAtMostTwoUsingsAndFifteenLinesInTheTestMethod()
    {
        var readme = ExampleBlock(RepositoryFiles.Read("README.md"));
        var lines = readme.Split('\n');
        var method = lines.SkipWhile(l => !l.Contains("[Test]", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.Trim() != "}").ToList();

        Assert.That(lines.Count(l => l.StartsWith("using ", StringComparison.Ordinal)), Is.LessThanOrEqualTo(2));
        Assert.That(method, Has.Count.InRange(3, 15), string.Join('\n', method));
    }

    /// <summary>The C# block of README that holds the orders example.</summary>
    private static string ExampleBlock(string readme) =>
        CodeBlocks().Matches(readme).Select(m => m.Groups[1].Value).FirstOrDefault(b => b.Contains("class OrdersLoadTests", StringComparison.Ordinal))
        ?? throw new AssertionException("README.md has no ```csharp block with class OrdersLoadTests.");

    /// <summary>From the class's first attribute to its end, line endings and trailing spaces normalised.</summary>
    private static string ClassOf(string source)
    {
        var text = source.Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = text.IndexOf("[PerfSuite", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "the example starts with [PerfSuite(...)]");
        return string.Join('\n', text[start..].Split('\n').Select(l => l.TrimEnd())).Trim();
    }

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlocks();
}
