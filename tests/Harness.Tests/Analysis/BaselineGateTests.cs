using System.Text.Json;
using System.Text.RegularExpressions;
using PerfTests.Analysis.Baselines;
using PerfTests.Reporting.Writing;

namespace Harness.Tests.Analysis;

[TestFixture]
public sealed class BaselineGateTests
{
    private static readonly List<double> Baseline = [.. Enumerable.Range(0, 30).Select(i => 1000.0 + (i * 3))];

    private static RunSummary Slower(double factor, int intervals = 30, string scenario = "browse") =>
        Summaries.Of([.. Baseline.Take(intervals).Select(v => v * factor)], scenario);

    [Test]
    public void Check_ThirtyPercentSlower_RegressedWithMessageInRegressionCategory()
    {
        var check = BaselineGate.Check(Summaries.Of(Baseline, label: "abc123"), Slower(1.3));

        Assert.That(check.Status, Is.EqualTo(BaselineStatus.Regressed));
        Assert.That(check.IsRegression, Is.True);
        Assert.That(check.FailureMessage, Does.StartWith("Regression against baseline 'abc123': 1 scenario(s) regressed"));
        Assert.That(check.FailureMessage, Does.Contain("browse: p95 +30.0%"));
        Assert.That(Categorize(check.FailureMessage!), Is.EqualTo("Regression"));
    }

    [Test]
    public void Check_SameSamples_SameAndNoFailureMessage()
    {
        var check = BaselineGate.Check(Summaries.Of(Baseline), Slower(1.0));

        Assert.That(check.Status, Is.EqualTo(BaselineStatus.Same));
        Assert.That(check.FailureMessage, Is.Null);
        Assert.That(check.Note, Does.Contain("no scenario regressed"));
    }

    [Test]
    public void Check_ThirtyPercentFaster_ImprovedNotAFailure()
    {
        var check = BaselineGate.Check(Summaries.Of(Baseline), Slower(0.7));

        Assert.That(check.Status, Is.EqualTo(BaselineStatus.Improved));
        Assert.That(check.FailureMessage, Is.Null);
    }

    [Test]
    public void Check_FiveIntervals_NotEnoughDataNotAFailure()
    {
        var check = BaselineGate.Check(Summaries.Of(Baseline), Slower(2.0, intervals: 5));

        Assert.That(check.Status, Is.EqualTo(BaselineStatus.NotEnoughData));
        Assert.That(check.FailureMessage, Is.Null);
        Assert.That(check.Note, Does.Contain("not enough intervals"));
    }

    [Test]
    public void Check_OneScenarioRegressedOtherNotEnoughData_Regressed()
    {
        var baseline = Summaries.Of(Baseline) with { Scenarios = [.. Summaries.Of(Baseline).Scenarios, .. Slower(1, 5, "rare").Scenarios] };
        var candidate = Slower(1.3) with { Scenarios = [.. Slower(1.3).Scenarios, .. Slower(1, 5, "rare").Scenarios] };

        var check = BaselineGate.Check(baseline, candidate);

        Assert.That(check.Status, Is.EqualTo(BaselineStatus.Regressed));
        Assert.That(check.FailureMessage, Does.Contain("browse:").And.Not.Contain("rare:"));
    }

    [Test]
    public void Check_DifferentIntervalLengths_NotComparableNotAFailure()
    {
        var check = BaselineGate.Check(Summaries.Of(Baseline) with { IntervalSeconds = 1 }, Slower(2.0));

        Assert.That(check.Status, Is.EqualTo(BaselineStatus.NotComparable));
        Assert.That(check.FailureMessage, Is.Null);
        Assert.That(check.Note, Does.Contain("1 s").And.Contain("10 s"));
    }

    [Test]
    public void CheckFolder_NoFolderGiven_NoBaselineBudgetsOnly()
    {
        var check = BaselineGate.CheckFolder(null, "X.Y.json", Slower(2.0));

        Assert.That(check.Status, Is.EqualTo(BaselineStatus.NoBaseline));
        Assert.That(check.Note, Does.Contain("budgets only"));
    }

    [Test]
    public void CheckFolder_FileMissing_NoBaselineNamingTheFile()
    {
        var folder = NewFolder();

        var check = BaselineGate.CheckFolder(folder, "X.Y.json", Slower(2.0));

        Assert.That(check.Status, Is.EqualTo(BaselineStatus.NoBaseline));
        Assert.That(check.Note, Does.Contain("X.Y.json").And.Contain("budgets only"));
    }

    [Test]
    public void CheckFolder_CorruptFile_NotComparable()
    {
        var folder = NewFolder();
        File.WriteAllText(Path.Combine(folder, "X.Y.json"), "{ not json");

        var check = BaselineGate.CheckFolder(folder, "X.Y.json", Slower(2.0));

        Assert.That(check.Status, Is.EqualTo(BaselineStatus.NotComparable));
        Assert.That(check.FailureMessage, Is.Null);
    }

    [Test]
    public void CheckFolder_SavedBaselineAndSlowerRun_Regressed()
    {
        var folder = NewFolder();
        File.WriteAllText(Path.Combine(folder, "X.Y.json"), RunSummaryFile.ToJson(Summaries.Of(Baseline, label: "main")));

        var check = BaselineGate.CheckFolder(folder, "X.Y.json", Slower(1.3));

        Assert.That(check.Status, Is.EqualTo(BaselineStatus.Regressed));
        Assert.That(check.BaselineLabel, Is.EqualTo("main"));
    }

    [Test]
    public void ToMarkdown_Compared_TableRowPerScenarioWithVerdictChangeAndIntervals()
    {
        var check = BaselineGate.Check(Summaries.Of(Baseline), Slower(1.3));

        var markdown = BaselineCheckFormatter.ToMarkdown(check, "Load.Mix");

        Assert.That(markdown, Does.StartWith("#### Baseline: Load.Mix"));
        Assert.That(markdown, Does.Contain("| scenario | verdict | p95 change | 95% CI | p | intervals (baseline vs run) |"));
        Assert.That(markdown, Does.Match(@"\| browse \| Regressed \| \+30\.0% \| \+\d+\.\d%\.\.\+\d+\.\d% \| [^|]+ \| 30 vs 30 \|"));
    }

    [Test]
    public void ToMarkdown_NoBaseline_NoteWithoutTable()
    {
        var markdown = BaselineCheckFormatter.ToMarkdown(BaselineGate.CheckFolder(NewFolder(), "X.Y.json", Slower(1)), "t");

        Assert.That(markdown, Does.Contain("**NoBaseline**"));
        Assert.That(markdown, Does.Not.Contain("| scenario |"));
    }

    [Test]
    public void ToJson_Regressed_CarriesStatusBudgetFlagAndScenarioNumbers()
    {
        var check = BaselineGate.Check(Summaries.Of(Baseline), Slower(1.3));

        using var json = JsonDocument.Parse(BaselineCheckFormatter.ToJson(check, budgetFailed: true));

        var root = json.RootElement;
        Assert.That(root.GetProperty("status").GetString(), Is.EqualTo("Regressed"));
        Assert.That(root.GetProperty("regressed").GetBoolean(), Is.True);
        Assert.That(root.GetProperty("budgetFailed").GetBoolean(), Is.True);
        var scenario = root.GetProperty("scenarios")[0];
        Assert.That(scenario.GetProperty("verdict").GetString(), Is.EqualTo("Regressed"));
        Assert.That(scenario.GetProperty("change").GetDouble(), Is.EqualTo(0.3).Within(1e-9));
        Assert.That(scenario.GetProperty("candidateIntervals").GetInt32(), Is.EqualTo(30));
    }

    [TestCase("PerfTests.Suites.Load.PortalLoadTests", "WeightedMix_AtExpectedLoad", "PortalLoadTests.WeightedMix_AtExpectedLoad.json")]
    [TestCase("Fixture", "Run(\"a b\",3)", "Fixture.Run__a_b__3_.json")]
    [TestCase(null, "T/../x", "test.T_.._x.json")]
    public void FileName_FixtureAndTest_StableAndFileNameSafe(string? fixture, string test, string expected) =>
        Assert.That(RunSummaryFile.FileName(fixture, test), Is.EqualTo(expected));

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "baseline-gate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    // Allure matches the whole message; first matching category wins (as in CategoryRegexTests).
    private static string? Categorize(string message) =>
        DefaultCategories.All.FirstOrDefault(c => c.MatchedStatuses.Contains("failed") && Regex.IsMatch(message, "^(?:" + c.MessageRegex + ")$"))?.Name;
}
