using PerfTests.Budgets;

namespace Harness.Tests.Budgets;

[TestFixture]
public sealed class OverlayTests
{
    private static readonly string[] Files = ["load.yaml", "load.nightly.yaml"];

    private const string Nightly = """
        defaults:
          on_insufficient_data: warn
        scenarios:
          clients-list:
            tiers:
              p(95): { fail: 400ms }
            steps:
              fetch:
                thresholds:
                  - p(99) < 800ms
        """;

    private static Budget Load() => BudgetLoader.Parse(BudgetYaml.Crud, "load.yaml", Nightly, "load.nightly.yaml", "nightly");

    [Test]
    public void Parse_OverlayTierField_ReplacesOnlyThatField()
    {
        var p95 = Load().Scopes[0].Metrics.Single(m => m.Metric.Name == "p(95)");

        Assert.That(p95.Target!.Value, Is.EqualTo(150));
        Assert.That(p95.Warn!.Value, Is.EqualTo(250));
        Assert.That(p95.Fail!.Value, Is.EqualTo(400));
    }

    [Test]
    public void Parse_OverlayThreshold_ReplacesBaseThresholdOfSameMetric()
    {
        var fetch = Load().Scopes.Single(s => s.Step == "fetch");

        Assert.That(fetch.Metrics.Single().Fail!.Value, Is.EqualTo(800));
        Assert.That(fetch.Metrics.Single().Location.File, Is.EqualTo("load.nightly.yaml"));
    }

    [Test]
    public void Parse_OverlayDefaults_AreInheritedByEveryScope()
    {
        var budget = Load();

        Assert.That(budget.Overlay, Is.EqualTo("nightly"));
        Assert.That(budget.Files, Is.EqualTo(Files));
        Assert.That(budget.Scopes.Select(s => s.OnInsufficientData), Is.All.EqualTo(InsufficientDataPolicy.Warn));
    }

    [Test]
    public void Parse_WithoutOverlay_KeepsBaseValues()
    {
        var budget = BudgetLoader.Parse(BudgetYaml.Crud, "load.yaml");

        Assert.That(budget.Overlay, Is.Null);
        Assert.That(budget.Scopes[0].Metrics.Single(m => m.Metric.Name == "p(95)").Fail!.Value, Is.EqualTo(500));
        Assert.That(budget.Scopes[0].OnInsufficientData, Is.EqualTo(InsufficientDataPolicy.Fail));
    }

    [Test]
    public void Parse_OverlayMakingWarnLooserThanFail_IsRejectedAfterMerge()
    {
        var ex = Assert.Throws<BudgetValidationException>(() => BudgetLoader.Parse(BudgetYaml.Crud, "load.yaml",
            "scenarios:\n  clients-list:\n    tiers:\n      p(95): { fail: 200ms }\n", "load.nightly.yaml", "nightly"));

        Assert.That(ex!.Errors.Single().ToString(), Does.StartWith("load.yaml(").And.Contains("warn 250 ms is looser than fail 200 ms"));
    }
}
