using PerfTests.Analysis.Baselines;

namespace Harness.Tests.Analysis;

public class BaselineComparerTests
{
    private static List<double> Noisy(int seed, int count, double medianUs) =>
        Summaries.Intervals(new Random(seed), count, medianUs, 0);

    [Test]
    public void CompareSamples_TwentyPercentSlower_IsRegressedWithAnExplanation()
    {
        var result = BaselineComparer.CompareSamples("browse", Noisy(1, 30, 50_000), Noisy(2, 30, 60_000));

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(ComparisonVerdict.Regressed), result.Explanation);
            Assert.That(result.Change, Is.EqualTo(0.20).Within(0.07), result.Explanation);
            Assert.That(result.ChangeCi!.Value.Low, Is.LessThan(result.Change!.Value), result.Explanation);
            Assert.That(result.ChangeCi!.Value.High, Is.GreaterThan(result.Change!.Value), result.Explanation);
            Assert.That(result.Explanation, Does.Match(@"^p95 \+\d+\.\d% \(CI \+\d+\.\d%\.\.\+\d+\.\d%\), Mann-Whitney p=\S+ over 30 vs 30 intervals: regressed$"));
        });
    }

    [Test]
    public void CompareSamples_TwentyPercentFaster_IsImproved()
    {
        var result = BaselineComparer.CompareSamples("browse", Noisy(3, 30, 50_000), Noisy(4, 30, 40_000));

        Assert.That(result.Verdict, Is.EqualTo(ComparisonVerdict.Improved), result.Explanation);
    }

    [Test]
    public void CompareSamples_SignificantButSmallShift_IsSameBecauseOfTheMinimumEffect()
    {
        // 4 % slower over 300 intervals: clearly significant, but below the 10 % that matters.
        var result = BaselineComparer.CompareSamples("browse", Noisy(5, 300, 50_000), Noisy(6, 300, 52_000));

        Assert.Multiple(() =>
        {
            Assert.That(result.PValue, Is.LessThan(0.01), result.Explanation);
            Assert.That(result.Verdict, Is.EqualTo(ComparisonVerdict.Same), result.Explanation);
            Assert.That(result.Explanation, Does.EndWith("same (significant but below the 10% minimum effect)"));
        });
    }

    [Test]
    public void CompareSamples_LargeButNoisyChange_IsSameBecauseNotSignificant()
    {
        // 12 intervals with 60 % noise: a 15 % median difference can be chance.
        var random = new Random(7);
        var a = Enumerable.Range(0, 12).Select(_ => 50_000 * Math.Exp(0.6 * Synthetic.Gaussian(random))).ToList();
        var b = Enumerable.Range(0, 12).Select(_ => 57_500 * Math.Exp(0.6 * Synthetic.Gaussian(random))).ToList();

        var result = BaselineComparer.CompareSamples("browse", a, b);

        Assert.Multiple(() =>
        {
            Assert.That(result.PValue, Is.GreaterThanOrEqualTo(0.01), result.Explanation);
            Assert.That(result.Verdict, Is.EqualTo(ComparisonVerdict.Same), result.Explanation);
        });
    }

    [Test]
    public void CompareSamples_TooFewIntervals_IsNotEnoughData()
    {
        var result = BaselineComparer.CompareSamples("browse", Noisy(8, 9, 50_000), Noisy(9, 30, 90_000));

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(ComparisonVerdict.NotEnoughData));
            Assert.That(result.PValue, Is.Null);
            Assert.That(result.Explanation, Is.EqualTo("only 9 vs 30 intervals (need 10 each): not enough data"));
        });
    }

    [Test]
    public void Compare_ScenarioMissingFromTheBaseline_IsNotEnoughData()
    {
        var report = BaselineComparer.Compare(Summaries.Of(Noisy(10, 30, 50_000), "old"), Summaries.Of(Noisy(11, 30, 50_000), "new"));

        Assert.Multiple(() =>
        {
            Assert.That(report["new"].Verdict, Is.EqualTo(ComparisonVerdict.NotEnoughData));
            Assert.That(report["old"].Verdict, Is.EqualTo(ComparisonVerdict.NotEnoughData));
            Assert.That(report.HasRegression, Is.False);
        });
    }

    [Test]
    public void Compare_SameScenarioRegressed_ReportHasRegression()
    {
        var report = BaselineComparer.Compare(Summaries.Of(Noisy(12, 30, 50_000)), Summaries.Of(Noisy(13, 30, 65_000)));

        Assert.Multiple(() =>
        {
            Assert.That(report.HasRegression, Is.True);
            Assert.That(report.ToString(), Does.StartWith("browse: p95 +"));
        });
    }

    [Test]
    public void Compare_DifferentIntervalLengths_Throws()
    {
        var baseline = Summaries.Of(Noisy(14, 30, 50_000)) with { IntervalSeconds = 5 };

        Assert.That(() => BaselineComparer.Compare(baseline, Summaries.Of(Noisy(15, 30, 50_000))),
            Throws.ArgumentException.With.Message.Contains("same interval"));
    }

    [Test]
    public void CompareSamples_SameInputsTwice_GiveTheSameBootstrapInterval()
    {
        var a = Noisy(16, 30, 50_000);
        var b = Noisy(17, 30, 55_000);

        var first = BaselineComparer.CompareSamples("s", a, b);
        var second = BaselineComparer.CompareSamples("s", a, b);

        Assert.That(second.ChangeCi, Is.EqualTo(first.ChangeCi));
    }
}
