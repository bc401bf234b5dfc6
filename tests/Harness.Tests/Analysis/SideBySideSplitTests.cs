using PerfTests.Analysis.Baselines;
using PerfTests.Load.Results;

namespace Harness.Tests.Analysis;

public class SideBySideSplitTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);
    private static readonly string[] PlainNames = ["detail", "list"];

    [Test]
    public void Summarise_TwoArms_OneSummaryPerArmWithPlainNamesAndArmLabels()
    {
        var run = SideBySide(("detail", 10_000, 12_000), ("list", 20_000, 20_000));

        var (baseline, candidate) = SideBySideSplit.Summarise(run, "load", OneSecond, "abc123");

        Assert.Multiple(() =>
        {
            Assert.That(baseline.Scenarios.Select(s => s.Name), Is.EqualTo(PlainNames));
            Assert.That(candidate.Scenarios.Select(s => s.Name), Is.EqualTo(PlainNames));
            Assert.That(baseline.Label, Is.EqualTo("abc123 baseline arm"));
            Assert.That(candidate.Label, Is.EqualTo("abc123 candidate arm"));
            Assert.That(baseline.IntervalSeconds, Is.EqualTo(1));
            Assert.That(baseline.Find("detail")!.P95Us, Is.EqualTo(run["detail@baseline"].Latency.P95.ValueUs));
            Assert.That(candidate.Find("detail")!.P95Us, Is.EqualTo(run["detail@candidate"].Latency.P95.ValueUs));
            Assert.That(candidate.Find("detail")!.IntervalP95Us, Has.Count.EqualTo(30));
            // The histogram tags follow the plain name, so the arm's histogram can be read back.
            Assert.That(SummaryHistograms.ReadLatency(candidate.Find("detail")!)!.TotalCount, Is.EqualTo(3000));
        });
    }

    [Test]
    public void Summarise_CandidateArmThirtyPercentSlower_GateCallsOnlyThatScenarioRegressed()
    {
        var run = SideBySide(("detail", 10_000, 13_000), ("list", 20_000, 20_000));

        var (baseline, candidate) = SideBySideSplit.Summarise(run, "load", OneSecond);
        var check = BaselineGate.Check(baseline, candidate);

        Assert.Multiple(() =>
        {
            Assert.That(check.Status, Is.EqualTo(BaselineStatus.Regressed));
            Assert.That(check.Report!["detail"].Verdict, Is.EqualTo(ComparisonVerdict.Regressed));
            Assert.That(check.Report["list"].Verdict, Is.EqualTo(ComparisonVerdict.Same));
            Assert.That(check.FailureMessage, Does.StartWith("Regression against baseline 'baseline arm'"));
        });
    }

    [Test]
    public void Summarise_SameLatencyInBothArms_NoRegression()
    {
        var run = SideBySide(("detail", 10_000, 10_000), ("list", 20_000, 20_000));

        var (baseline, candidate) = SideBySideSplit.Summarise(run, "load", OneSecond);

        Assert.That(BaselineGate.Check(baseline, candidate).IsRegression, Is.False);
    }

    [Test]
    public void SplitRun_ScenarioWithoutArmSuffix_ThrowsNamingIt()
    {
        var run = Combine(FakeRuns.Run("detail@baseline", 10, 10_000, 1, Start), FakeRuns.Run("warm-up", 10, 10_000, 2, Start));

        Assert.That(() => SideBySideSplit.SplitRun(run),
            Throws.ArgumentException.With.Message.Contains("'warm-up'").And.Message.Contains("@candidate"));
    }

    // Each scenario twice, baseline arm and candidate arm, 30 s at 100/s with the given typical latency.
    private static LoadRunResult SideBySide(params (string Name, double BaselineUs, double CandidateUs)[] scenarios)
    {
        var seed = 10;
        var runs = scenarios.SelectMany(s => new[]
        {
            FakeRuns.Run(SideBySideSplit.BaselineName(s.Name), 30, s.BaselineUs, seed++, Start),
            FakeRuns.Run(SideBySideSplit.CandidateName(s.Name), 30, s.CandidateUs, seed++, Start),
        });
        return Combine([.. runs]);
    }

    private static LoadRunResult Combine(params LoadRunResult[] runs) =>
        runs[0] with { Scenarios = [.. runs.SelectMany(r => r.Scenarios)] };
}
