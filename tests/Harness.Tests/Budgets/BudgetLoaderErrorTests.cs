using PerfTests.Budgets;

namespace Harness.Tests.Budgets;

[TestFixture]
public sealed class BudgetLoaderErrorTests
{
    private static readonly string[] EmptyMessages =
    [
        "'idle' has no thresholds, tiers or steps",
        "tiers of 'p(95)' need at least one of target, warn, fail",
    ];

    private static IReadOnlyList<BudgetError> ErrorsOf(string yaml, string? overlay = null)
    {
        var ex = Assert.Throws<BudgetValidationException>(() =>
            BudgetLoader.Parse(yaml, "budgets/load.yaml", overlay, overlay is null ? null : "budgets/load.nightly.yaml", "nightly"));
        return ex!.Errors;
    }

    [Test]
    public void Parse_UnknownPercentileInTiers_ReportsFileLineColumnAndKey()
    {
        var errors = ErrorsOf("""
            scenarios:
              browse:
                tiers:
                  p(101): { fail: 500ms }
            """);

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0].ToString(), Does.StartWith("budgets/load.yaml(4,7): unknown metric 'p(101)'"));
        Assert.That(errors[0].ToString(), Does.EndWith("in key 'scenarios.browse.tiers.p(101)'"));
    }

    [Test]
    public void Parse_SeveralKindsOfErrors_ReportsEveryOneWithItsPosition()
    {
        var errors = ErrorsOf("""
            suite: load
            colour: blue
            scenarios:
              browse:
                thresholds:
                  - p(95) < 500
                  - rate < 1%
                  - rps >> 3
                tiers:
                  p(99): { target: 1s, warn: 3s, fail: 2s }
                  avg: { fail: 20 parsecs }
                  max: { limit: 1s }
                on_insufficient_data: sometimes
            """);

        var texts = errors.Select(e => e.ToString()).ToList();
        Assert.That(texts, Has.Some.EqualTo("budgets/load.yaml(2,1): unknown key 'colour' (expected one of: suite, description, defaults, scenarios) in key 'colour'"));
        Assert.That(texts, Has.Some.StartWith("budgets/load.yaml(6,9): 'p(95)' is a latency and needs a unit").And.EndWith("'scenarios.browse.thresholds[0]'"));
        Assert.That(texts, Has.Some.StartWith("budgets/load.yaml(8,9): bad operator").And.EndWith("'scenarios.browse.thresholds[2]'"));
        Assert.That(texts, Has.Some.StartWith("budgets/load.yaml(11,20): ").And.Contains("unknown unit 'parsecs'"));
        Assert.That(texts, Has.Some.StartWith("budgets/load.yaml(12,14): unknown key 'limit'").And.EndWith("'scenarios.browse.tiers.max.limit'"));
        Assert.That(texts, Has.Some.StartWith("budgets/load.yaml(13,27): 'sometimes' is not one of fail, warn, ignore"));
        Assert.That(texts, Has.Some.Contains("warn 3000 ms is looser than fail 2000 ms"));
        Assert.That(errors, Has.Count.EqualTo(7), string.Join(Environment.NewLine, texts));
    }

    [Test]
    public void Parse_WarnLooserThanFail_IsReportedAtTheWarnValue()
    {
        var errors = ErrorsOf("""
            scenarios:
              browse:
                tiers:
                  p(95): { target: 150ms, warn: 600ms, fail: 500ms }
            """);

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0].Location.Line, Is.EqualTo(4));
        Assert.That(errors[0].Location.Key, Is.EqualTo("scenarios.browse.tiers.p(95).warn"));
        Assert.That(errors[0].Message, Is.EqualTo("warn 600 ms is looser than fail 500 ms for 'p(95)' (lower is better)"));
    }

    [Test]
    public void Parse_ThroughputWarnBelowFail_IsLooserBecauseHigherIsBetter()
    {
        var errors = ErrorsOf("""
            scenarios:
              browse:
                tiers:
                  rps: { target: 1000/s, warn: 50/s, fail: 100/s }
            """);

        Assert.That(errors.Single().Message, Does.Contain("warn 50/s is looser than fail 100/s").And.Contains("higher is better"));
    }

    [Test]
    public void Parse_InvalidYaml_ReportsSyntaxErrorWithPosition()
    {
        var errors = ErrorsOf("scenarios:\n  browse: [unclosed\n");

        Assert.That(errors.Single().Message, Does.StartWith("invalid YAML"));
        Assert.That(errors.Single().Location.File, Is.EqualTo("budgets/load.yaml"));
    }

    [Test]
    public void Parse_EmptyScopeAndEmptyTier_AreBothReported()
    {
        var errors = ErrorsOf("""
            scenarios:
              idle: {}
              browse:
                tiers:
                  p(95): {}
            """);

        Assert.That(errors.Select(e => e.Message), Is.EquivalentTo(EmptyMessages));
    }

    [Test]
    public void Parse_ThresholdAndTiersForSameMetric_IsAConflict()
    {
        var errors = ErrorsOf("""
            scenarios:
              browse:
                thresholds: [ "p(95) < 1s" ]
                tiers:
                  p(95): { fail: 500ms }
            """);

        Assert.That(errors.Single().Message, Does.Contain("both a threshold and tiers"));
    }

    [Test]
    public void Parse_OverlayWithUnknownScenario_ReportsItInTheOverlayFile()
    {
        var errors = ErrorsOf(BudgetYaml.Crud, """
            scenarios:
              client-list:
                thresholds: [ "p(95) < 1s" ]
            """);

        Assert.That(errors.Single().ToString(), Does.StartWith("budgets/load.nightly.yaml(2,3): overlay names scenario 'client-list'"));
    }

    [Test]
    public void Parse_HigherIsBetterOnBuiltInMetric_IsRejected()
    {
        var errors = ErrorsOf("""
            scenarios:
              browse:
                tiers:
                  p(95): { fail: 500ms, higher_is_better: true }
            """);

        Assert.That(errors.Single().Message, Does.Contain("only for custom metrics"));
    }
}
