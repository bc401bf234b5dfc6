using System.Text;
using PerfTests;
using PerfTests.Budgets;

namespace Harness.Tests.Budgets;

/// <summary>
/// A budget file is user input: whatever it holds, loading it ends in a budget or in errors with
/// file, line and column; never a crash of the test host, never unbounded time or memory.
/// </summary>
[TestFixture]
public sealed class HostileBudgetFileTests
{
    private static readonly string[] SharedScenarios = ["a", "b"];

    private static string Error(string yaml) =>
        Assert.Throws<BudgetValidationException>(() => BudgetLoader.Parse(yaml, "hostile.yaml"))!.Message;

    [Test]
    public void Parse_NestedFarDeeperThanABudget_RefusedWithoutOverflowingTheStack() =>
        Assert.That(Error("suite: x\nscenarios: " + new string('[', 200_000)), Does.Contain("hostile.yaml(2,").And.Contain("nests deeper than 32 levels"));

    [Test]
    public void Parse_DeepBlockNesting_Refused() =>
        Assert.That(
            Error("suite: x\nscenarios:\n" + string.Concat(Enumerable.Range(0, 40).Select(i => new string(' ', i + 1) + "k" + i + ":\n"))),
            Does.Contain("nests deeper than 32 levels"));

    [Test]
    public void Parse_AliasBomb_RefusedAtTheAliasThatExpandsTooFar()
    {
        var yaml = new StringBuilder("suite: x\na0: &a0 [x,x,x,x,x,x,x,x,x,x]\n");
        for (var i = 1; i <= 8; i++)
        {
            yaml.Append($"a{i}: &a{i} [{string.Join(",", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        Assert.That(Error(yaml.Append("scenarios: *a8\n").ToString()), Does.Contain("expands to more than 100,000 values"));
    }

    [Test]
    public void Parse_ManyScenariosAliasingOneScope_RefusedBeforeTheyAreWalked()
    {
        var yaml = new StringBuilder("suite: x\nscenarios:\n  s0: &s { steps: { ");
        yaml.Append(string.Join(", ", Enumerable.Range(0, 2000).Select(i => $"t{i}: {{ thresholds: [ \"avg < 1s\" ] }}")));
        yaml.Append(" } }\n");
        for (var i = 1; i < 2000; i++)
        {
            yaml.Append($"  s{i}: *s\n");
        }

        Assert.That(Error(yaml.ToString()), Does.Contain("expands to more than 100,000 values"));
    }

    [Test]
    public void Parse_SharedTiersThroughAnAlias_StillWork()
    {
        var budget = BudgetLoader.Parse(
            "suite: x\nscenarios:\n  a: { tiers: &t { p(95): { target: 1ms, warn: 2ms, fail: 3ms } } }\n  b: { tiers: *t }\n", "shared.yaml");

        Assert.That(budget.Scopes.Select(s => s.Scenario), Is.EquivalentTo(SharedScenarios));
    }

    [Test]
    public void Parse_TooManyCharacters_Refused() =>
        Assert.That(Error("suite: x\n# " + new string('x', 1_000_001)), Does.Contain("hostile.yaml(1,1)").And.Contain("at most 1,000,000 are read"));

    [Test]
    public void Load_HugeFile_RefusedBeforeItIsRead()
    {
        var path = Path.Combine(Path.GetTempPath(), $"perftests-huge-{Guid.NewGuid():N}.yaml");
        using (var file = File.Create(path))
        {
            file.SetLength(50_000_000);
        }

        try
        {
            var error = Assert.Throws<BudgetValidationException>(() => BudgetLoader.Load(path))!;
            Assert.That(error.Message, Does.Contain("50,000,000 bytes"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// Mutations of the repository's own budget files (bytes flipped, cut, repeated, brackets and
    /// anchors sprinkled): each ends in a budget or in located errors, nothing else.
    /// </summary>
    [Test]
    public void Parse_MutatedRepositoryBudgets_EndInABudgetOrLocatedErrors()
    {
        var folder = BudgetLocator.FindFolder(AppContext.BaseDirectory, "load");
        var seeds = Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var random = new Random(20261125);
        string[] inserts = ["[", "{", "&a ", "*a", ": ", "\n  ", "- ", "'", "\"", "!!", "%", "\t", "\0", "p(95): ", "<<: *a\n"];
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < 3000; i++)
        {
            var text = new StringBuilder(seeds[random.Next(seeds.Length)]);
            for (var m = random.Next(1, 6); m > 0 && text.Length > 0; m--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(4))
                {
                    case 0: text[at] = (char)random.Next(1, 0x250); break;
                    case 1: text.Remove(at, Math.Min(random.Next(1, 40), text.Length - at)); break;
                    case 2: text.Insert(at, text.ToString(at, Math.Min(random.Next(1, 80), text.Length - at))); break;
                    default: text.Insert(at, inserts[random.Next(inserts.Length)]); break;
                }
            }

            try
            {
                BudgetLoader.Parse(text.ToString(), "mutant.yaml");
                outcomes["budget"] = outcomes.GetValueOrDefault("budget") + 1;
            }
            catch (BudgetValidationException error)
            {
                Assert.That(error.Errors, Is.Not.Empty);
                Assert.That(error.Errors.All(e => e.Location.File == "mutant.yaml" && e.Location.Line >= 0), Is.True, error.Message);
                outcomes["errors"] = outcomes.GetValueOrDefault("errors") + 1;
            }
        }

        TestContext.Out.WriteLine(string.Join(", ", outcomes.Select(o => $"{o.Key}: {o.Value}")));
        Assert.That(outcomes.GetValueOrDefault("errors"), Is.GreaterThan(100), "the mutations did reach the validator");
    }
}
