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
    /// The deep-nesting files parsed on a thread with a small stack (256 KB, below .NET's default of
    /// 1.5 MB for a worker thread): the depth limit holds before the YAML library recurses.
    /// </summary>
    [Test]
    public void Parse_DeepNestingOnASmallStackThread_RefusedWithoutOverflow()
    {
        string[] files =
        [
            "suite: x\nscenarios: " + new string('[', 200_000),
            "suite: x\nscenarios: " + string.Concat(Enumerable.Repeat("{a: ", 50_000)),
            "suite: x\nscenarios:\n" + string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', i + 1) + "- \n")),
        ];
        var messages = new string[files.Length];
        var thread = new Thread(() =>
        {
            for (var i = 0; i < files.Length; i++)
            {
                try
                {
                    BudgetLoader.Parse(files[i], "deep.yaml");
                }
                catch (BudgetValidationException e)
                {
                    messages[i] = e.Message;
                }
            }
        }, maxStackSize: 256 * 1024);

        thread.Start();
        thread.Join();

        Assert.That(messages, Has.All.Contain("deep.yaml(").And.Contain("nests deeper than 32 levels"));
    }

    /// <summary>
    /// Mutations of the repository's own budget files (bytes flipped, cut, repeated, brackets, anchors,
    /// tabs and look-alike characters sprinkled). For every one: no crash, under a second, bounded
    /// allocation, and either located errors (file, line >= 1, column >= 1) or a budget that evaluates.
    /// </summary>
    [Test]
    public void Parse_MutatedRepositoryBudgets_EndInABudgetThatEvaluatesOrLocatedErrors()
    {
        var folder = BudgetLocator.FindFolder(AppContext.BaseDirectory, "load");
        var seeds = Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var random = new Random(20261125);
        string[] inserts =
        [
            "[", "{", "&a ", "*a", ": ", "\n  ", "- ", "'", "\"", "!!", "%", "\t", "\0", "p(95): ", "<<: *a\n", "---\n",
            "\u0430", "\u00A0", "\u200B", "\uFF1C", "1e309", "99999999999999999999", "p(99.99999999)", "\U0001F600",
        ];
        var outcomes = new Dictionary<string, int>();
        var slowest = TimeSpan.Zero;
        long mostAllocated = 0;
        var total = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 3000; i++)
        {
            var text = Mutate(seeds[random.Next(seeds.Length)], random, inserts);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var outcome = Outcome(text);
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            mostAllocated = Math.Max(mostAllocated, GC.GetAllocatedBytesForCurrentThread() - allocated);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        TestContext.Out.WriteLine($"{string.Join(", ", outcomes.Select(o => $"{o.Key}: {o.Value}"))}; " +
            $"all in {total.Elapsed.TotalSeconds:0.0} s, slowest {slowest.TotalMilliseconds:0} ms, most allocated {mostAllocated / 1024:N0} KB");
        Assert.That(outcomes.GetValueOrDefault("errors"), Is.GreaterThan(100), "the mutations did reach the validator");
        Assert.That(outcomes.GetValueOrDefault("budget"), Is.GreaterThan(100), "some mutants stay valid and are evaluated");
        Assert.That(slowest, Is.LessThan(TimeSpan.FromSeconds(1)), "no input hangs the loader");
        Assert.That(mostAllocated, Is.LessThan(64L * 1024 * 1024), "no input makes the loader allocate without bound");
    }

    private static string Mutate(string seed, Random random, string[] inserts)
    {
        var text = new StringBuilder(seed);
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

        return text.ToString();
    }

    /// <summary>"budget" (and it evaluated) or "errors" (every one located); anything else fails the test.</summary>
    private static string Outcome(string text)
    {
        try
        {
            var budget = BudgetLoader.Parse(text, "mutant.yaml");
            var measured = new InMemoryMeasurements();
            foreach (var scope in budget.Scopes)
            {
                measured.Add(scope.Scenario, scope.Step, new InMemoryScopeMeasurements(Enumerable.Range(1, 200).Select(i => (double)i), 3, TimeSpan.FromSeconds(10)));
            }

            var report = BudgetEvaluator.Evaluate(budget, measured);
            Assert.That(report.Conclusions, Has.Count.EqualTo(budget.Scopes.Sum(s => s.Metrics.Count)));
            return "budget";
        }
        catch (BudgetValidationException error)
        {
            Assert.That(error.Errors, Is.Not.Empty);
            Assert.That(error.Errors.All(e => e.Location.File == "mutant.yaml" && e.Location.Line >= 1 && e.Location.Column >= 1), Is.True, error.Message);
            return "errors";
        }
    }
}
