using System.Text;
using System.Text.Json.Nodes;
using Json.Schema;
using PerfTests.Budgets;
using YamlDotNet.RepresentationModel;

namespace Harness.Tests.Budgets;

/// <summary>
/// budgets/budget.schema.json (what an editor checks) and the loader (what the gate checks) accept the
/// same files: one corpus of good and bad files, and mutants of the repository's budgets, go to both.
/// The only files the loader refuses and the schema accepts break a rule JSON Schema cannot state; each
/// such rule is listed here and in the schema's description.
/// </summary>
[TestFixture]
public sealed class SchemaParityTests
{
    /// <summary>Rules that compare values or need the merged budget: the loader's alone (message fragments).</summary>
    private static readonly string[] LoaderOnlyRules =
    [
        "is looser than",                      // tier order: target within warn within fail, across units
        "has tiers twice in this scope",       // one identity per metric: p(95) and p(95.0), rate and error_rate
        "has both a threshold and tiers",      // the same metric judged two ways
        "has no thresholds, tiers or steps",   // emptiness of a base file (an overlay may only change settings)
        "the budget has no scenarios",
        "need at least one of target, warn, fail",
    ];

    private static readonly string[] BudgetFolders = ["budgets", "tests", "examples", "templates"];

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "budgets", "budget.schema.json"))));

    private static IEnumerable<TestCaseData> Corpus()
    {
        // Good: every form the README shows.
        yield return Good("""
            suite: load
            description: every form
            defaults: { on_insufficient_data: warn, min_samples: 10 }
            scenarios:
              s:
                description: a scenario
                on_insufficient_data: ignore
                min_samples: 0
                tiers:
                  p(95): { target: 150ms, warn: 250ms, fail: 0.5s }
                  p(99.9): { fail: 900000us }
                  med: { fail: 100µs }
                  rate: { target: 0.1%, warn: 0.01, fail: 5% }
                  rps: { target: 1000/s, warn: 500, fail: 100.5 }
                  requests: { target: 1000 }
                  metric(cpu): { fail: 80%, higher_is_better: false, optional: true }
                  metric(js_bytes): { fail: 300KB }
                thresholds:
                  - p(0) < 1s
                  - p(100) <= 2s
                  - min >= 0ms
                  - stddev != 5ms
                  - dropped == 0
                  - bytes_per_second >= 0
                  - { threshold: "failures < 5", abort_on_fail: true, delay_abort_eval: 10s }
                  - { threshold: "metric(queue) < 10", optional: true, abort_on_fail: false }
                steps:
                  fetch:
                    thresholds: [ "avg < 200ms", "count === 100", "rate < 1%", "error_rate<=0.5", "throughput > 10/s" ]
            """);
        yield return Good("scenarios:\n  s:\n    thresholds: [ \"p( 99.999999 ) < 1s\", \"p(95.00000000) < 1s\" ]\n");
        yield return Good("scenarios:\n  s:\n    tiers:\n      rps: { fail: 1e3 }\n      requests: { fail: 0x10 }\n      dropped: { fail: 5.0 }\n");
        yield return Good("scenarios:\n  s:\n    thresholds: [ \"rps < +5\", \"requests < .0\", \"metric(a.b-c_d) < 1000000000000\" ]\n");
        yield return Good("scenarios:\n  s:\n    tiers:\n      rate: { fail: 1 }\n      metric(x): { fail: -0 }\n");

        // Bad: each class of the issue, and the edges of each rule.
        foreach (var (why, yaml) in new[]
        {
            ("p(101)", "scenarios:\n  s:\n    thresholds: [ \"p(101) < 1s\" ]\n"),
            ("p with 7 decimals", "scenarios:\n  s:\n    thresholds: [ \"p(99.9999999) < 1s\" ]\n"),
            ("p with a trailing point", "scenarios:\n  s:\n    thresholds: [ \"p(95.) < 1s\" ]\n"),
            ("unitless latency", "scenarios:\n  s:\n    thresholds: [ \"p(95) < 500\" ]\n"),
            ("unitless latency tier", "scenarios:\n  s:\n    tiers:\n      avg: { fail: 500 }\n"),
            ("rate < 100 (k6's counter rate)", "scenarios:\n  s:\n    thresholds: [ \"rate < 100\" ]\n"),
            ("rate > 1% (lower bound)", "scenarios:\n  s:\n    thresholds: [ \"rate > 1%\" ]\n"),
            ("rate 101%", "scenarios:\n  s:\n    tiers:\n      rate: { fail: 101% }\n"),
            ("rate number 2", "scenarios:\n  s:\n    tiers:\n      rate: { fail: 2 }\n"),
            ("too large", "scenarios:\n  s:\n    thresholds: [ \"rps < 1000000000001\" ]\n"),
            ("too large number", "scenarios:\n  s:\n    tiers:\n      rps: { fail: 1e13 }\n"),
            ("infinite number", "scenarios:\n  s:\n    tiers:\n      rps: { fail: 1e400 }\n"),
            (".inf", "scenarios:\n  s:\n    tiers:\n      rps: { fail: .inf }\n"),
            ("negative", "scenarios:\n  s:\n    thresholds: [ \"rps > -5\" ]\n"),
            ("negative zero text", "scenarios:\n  s:\n    thresholds: [ \"dropped < -0\" ]\n"),
            ("negative number", "scenarios:\n  s:\n    tiers:\n      rps: { fail: -5 }\n"),
            ("exponent in text", "scenarios:\n  s:\n    thresholds: [ \"rps > 1e3\" ]\n"),
            ("non-ASCII digits", "scenarios:\n  s:\n    thresholds: [ \"rps > \u0663\" ]\n"),
            ("fractional count", "scenarios:\n  s:\n    thresholds: [ \"dropped < 1.5\" ]\n"),
            ("size on a latency", "scenarios:\n  s:\n    thresholds: [ \"avg < 5KB\" ]\n"),
            ("unknown unit", "scenarios:\n  s:\n    thresholds: [ \"metric(x) < 5 parsecs\" ]\n"),
            ("unknown metric", "scenarios:\n  s:\n    thresholds: [ \"p95 < 5ms\" ]\n"),
            ("k6 gauge value", "scenarios:\n  s:\n    thresholds: [ \"value < 5\" ]\n"),
            ("bad metric name", "scenarios:\n  s:\n    thresholds: [ \"metric(a b) < 5\" ]\n"),
            ("bad operator", "scenarios:\n  s:\n    thresholds: [ \"avg => 5ms\" ]\n"),
            ("quoted count", "scenarios:\n  s:\n    min_samples: \"5\"\n    thresholds: [ \"avg < 5ms\" ]\n"),
            ("negative count", "defaults: { min_samples: -1 }\nscenarios:\n  s:\n    thresholds: [ \"avg < 5ms\" ]\n"),
            ("yes is not a boolean", "scenarios:\n  s:\n    thresholds: [ { threshold: \"avg < 5ms\", abort_on_fail: yes } ]\n"),
            ("quoted boolean", "scenarios:\n  s:\n    thresholds: [ { threshold: \"avg < 5ms\", abort_on_fail: \"true\" } ]\n"),
            ("delay without abort", "scenarios:\n  s:\n    thresholds: [ { threshold: \"avg < 5ms\", delay_abort_eval: 10s } ]\n"),
            ("delay with abort false", "scenarios:\n  s:\n    thresholds: [ { threshold: \"avg < 5ms\", abort_on_fail: false, delay_abort_eval: 10s } ]\n"),
            ("delay without unit", "scenarios:\n  s:\n    thresholds: [ { threshold: \"avg < 5ms\", abort_on_fail: true, delay_abort_eval: 10 } ]\n"),
            ("optional on a built-in", "scenarios:\n  s:\n    thresholds: [ { threshold: \"avg < 5ms\", optional: true } ]\n"),
            ("optional tier on a built-in", "scenarios:\n  s:\n    tiers:\n      avg: { fail: 5ms, optional: false }\n"),
            ("threshold object without threshold", "scenarios:\n  s:\n    thresholds: [ { abort_on_fail: true } ]\n"),
            ("unknown key", "scenarios:\n  s:\n    treshold: [ \"avg < 5ms\" ]\n"),
            ("unknown root key", "suit: x\nscenarios:\n  s:\n    thresholds: [ \"avg < 5ms\" ]\n"),
            ("suite that is a path", "suite: ../x\nscenarios:\n  s:\n    thresholds: [ \"avg < 5ms\" ]\n"),
            ("suite that is a number", "suite: 42\nscenarios:\n  s:\n    thresholds: [ \"avg < 5ms\" ]\n"),
            ("description that is a mapping", "description: { a: 1 }\nscenarios:\n  s:\n    thresholds: [ \"avg < 5ms\" ]\n"),
            ("policy typo", "defaults: { on_insufficient_data: skip }\nscenarios:\n  s:\n    thresholds: [ \"avg < 5ms\" ]\n"),
            ("steps in a step", "scenarios:\n  s:\n    steps:\n      a:\n        steps: {}\n"),
            ("thresholds as a mapping", "scenarios:\n  s:\n    thresholds: { avg: 5ms }\n"),
            ("tier as a value", "scenarios:\n  s:\n    tiers:\n      avg: 5ms\n"),
            ("null limit", "scenarios:\n  s:\n    tiers:\n      avg: { fail: ~ }\n"),
            ("root is a list", "- a\n- b\n"),
        })
        {
            yield return new TestCaseData(yaml, false, false).SetName($"bad: {why}");
        }

        // Refused by the loader only, each for a listed rule.
        foreach (var (why, yaml) in new[]
        {
            ("tier order", "scenarios:\n  s:\n    tiers:\n      avg: { warn: 2s, fail: 1500ms }\n"),
            ("p(95) and p(95.0)", "scenarios:\n  s:\n    tiers:\n      p(95): { fail: 1s }\n      p(95.0): { fail: 2s }\n"),
            ("threshold and tiers on one metric", "scenarios:\n  s:\n    thresholds: [ \"avg < 1s\" ]\n    tiers:\n      avg: { fail: 2s }\n"),
            ("empty scope", "scenarios:\n  s: { description: nothing to judge }\n"),
            ("no scenarios", "suite: x\n"),
            ("empty tier", "scenarios:\n  s:\n    tiers:\n      avg: {}\n"),
        })
        {
            yield return new TestCaseData(yaml, false, true).SetName($"loader only: {why}");
        }
    }

    private static TestCaseData Good(string yaml) => new TestCaseData(yaml, true, true).SetName($"good: {yaml.Split('\n')[^2].Trim()}");

    [TestCaseSource(nameof(Corpus))]
    public void SchemaAndLoader_AgreeOnTheCorpus(string yaml, bool loaderAccepts, bool schemaAccepts)
    {
        var (loaderOk, loaderErrors) = Load(yaml);
        var (schemaOk, schemaErrors) = Validate(yaml);

        Assert.That(loaderOk, Is.EqualTo(loaderAccepts), $"loader: {loaderErrors}");
        Assert.That(schemaOk, Is.EqualTo(schemaAccepts), $"schema: {schemaErrors}");
        if (!loaderOk && schemaOk)
        {
            Assert.That(loaderErrors.Split('\n').Skip(1).All(e => LoaderOnlyRules.Any(e.Contains)), Is.True,
                $"the schema accepts a file the loader refuses for a rule the schema could state:\n{loaderErrors}");
        }
    }

    [Test]
    public void SchemaAndLoader_AgreeOnEveryRepositoryBudgetFile()
    {
        var files = BudgetFolders
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, d), "*.yaml", SearchOption.AllDirectories))
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "budgets" && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        Assert.That(files, Has.Count.GreaterThan(25));
        foreach (var file in files)
        {
            var (ok, errors) = Validate(File.ReadAllText(file));
            Assert.That(ok, Is.True, $"{file}: {errors}");
        }
    }

    /// <summary>Mutants of the repository's budgets: whatever the loader decides, the schema decides the same (listed rules aside).</summary>
    [Test]
    public void SchemaAndLoader_AgreeOnMutantsOfTheRepositoryBudgets()
    {
        var folder = PerfTests.BudgetLocator.FindFolder(AppContext.BaseDirectory, "load");
        var seeds = Directory.GetFiles(folder, "*.yaml").Where(f => Path.GetFileName(f).Count(c => c == '.') == 1)
            .Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var random = new Random(14);
        string[] inserts =
        [
            "p(95.0)", "p(100)", "p(0)", "p(101)", "min", "count", "rate", "rps", "500", "0.5", "1e3", "5%", "150%", "ms", "s", "/s", "KB",
            "<", ">=", "===", "!=", "optional: true", "abort_on_fail: true", "delay_abort_eval: 5s", "-", "+", ".", "\"", "~", "yes",
        ];
        var agreed = new Dictionary<string, int>();
        var disagreements = new List<string>();
        for (var i = 0; i < 2500; i++)
        {
            var text = new StringBuilder(seeds[random.Next(seeds.Length)]);
            for (var m = random.Next(1, 3); m > 0; m--)
            {
                var at = random.Next(text.Length);
                if (random.Next(2) == 0)
                {
                    text.Remove(at, Math.Min(random.Next(1, 6), text.Length - at));
                }

                text.Insert(at, inserts[random.Next(inserts.Length)]);
            }

            var yaml = text.ToString();
            if (Json(yaml) is null)
            {
                continue; // Not one YAML document of plain data: the loader's own checks (tested elsewhere).
            }

            var (loaderOk, loaderErrors) = Load(yaml);
            var (schemaOk, schemaErrors) = Validate(yaml);
            var loaderOnly = !loaderOk && schemaOk && loaderErrors.Split('\n').Skip(1).All(e => LoaderOnlyRules.Any(e.Contains));
            var key = loaderOk == schemaOk ? (loaderOk ? "both accept" : "both refuse") : loaderOnly ? "loader-only rule" : "DISAGREE";
            agreed[key] = agreed.GetValueOrDefault(key) + 1;
            if (key == "DISAGREE" && disagreements.Count < 10)
            {
                disagreements.Add($"--- loader {(loaderOk ? "accepts" : "refuses")}, schema {(schemaOk ? "accepts" : "refuses")}\n{loaderErrors}\n{schemaErrors}\n{yaml}");
            }
        }

        TestContext.Out.WriteLine(string.Join(", ", agreed.Select(a => $"{a.Key}: {a.Value}")));
        Assert.That(disagreements, Is.Empty, string.Join("\n", disagreements));
        Assert.That(agreed.GetValueOrDefault("both refuse"), Is.GreaterThan(100));
        Assert.That(agreed.GetValueOrDefault("both accept"), Is.GreaterThan(100));
    }

    private static (bool Ok, string Errors) Load(string yaml)
    {
        try
        {
            BudgetLoader.Parse(yaml, "parity.yaml");
            return (true, "");
        }
        catch (BudgetValidationException e)
        {
            return (false, e.Message.Replace("\r", "", StringComparison.Ordinal));
        }
    }

    private static (bool Ok, string Errors) Validate(string yaml)
    {
        var json = Json(yaml);
        if (json is null)
        {
            return (false, "not one YAML document of plain data");
        }

        var result = Schema.Value.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = result.Details.Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(5);
        return (result.IsValid, string.Join("; ", errors));
    }

    /// <summary>The YAML as the JSON an editor validates: scalars typed by the YAML 1.2 core schema (as the loader types them).</summary>
    private static JsonNode? Json(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
#pragma warning disable CA1031 // Anything the YAML reader refuses is outside this comparison.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }

        try
        {
            return stream.Documents.Count == 1 ? Convert(stream.Documents[0].RootNode, 0) : null;
        }
        catch (InvalidOperationException)
        {
            return null; // A tag or a nesting no budget has: YAML the editor flags on its own.
        }
    }

    private static JsonNode? Convert(YamlNode node, int depth)
    {
        if (depth > 40)
        {
            throw new InvalidOperationException("too deep for a budget");
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    obj[((YamlScalarNode)key).Value ?? ""] = Convert(value, depth + 1);
                }

                return obj;
            case YamlSequenceNode sequence:
                return new JsonArray([.. sequence.Children.Select(c => Convert(c, depth + 1))]);
            case YamlScalarNode scalar:
                var text = scalar.Value ?? "";
                return YamlScalar.Kind(scalar) switch
                {
                    YamlScalarKind.Null => null,
                    YamlScalarKind.Bool => JsonValue.Create(text is "true" or "True" or "TRUE"),
                    // JSON has no infinity or NaN: kept as text, which no limit pattern takes.
                    YamlScalarKind.Number when double.IsFinite(YamlScalar.Number(text)) => JsonValue.Create(YamlScalar.Number(text)),
                    YamlScalarKind.Tagged => throw new InvalidOperationException("tagged scalar"),
                    _ => JsonValue.Create(text),
                };
            default:
                throw new InvalidOperationException($"unexpected node {node.GetType().Name}");
        }
    }
}
