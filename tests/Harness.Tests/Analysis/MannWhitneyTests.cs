using PerfTests.Analysis.Statistics;

namespace Harness.Tests.Analysis;

// Expected values from scipy.stats.mannwhitneyu (1.10, Debian 12), two-sided.
public class MannWhitneyTests
{
    [Test]
    public void Test_ScipyDocumentationExample_ExactPValue()
    {
        // scipy docs: males vs females, method='exact' -> U=17, p=0.1111 (= 14/126).
        var result = MannWhitney.Test([19, 22, 16, 29, 24], [20, 11, 17, 12]);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsExact, Is.True);
            Assert.That(result.U, Is.EqualTo(17));
            Assert.That(result.PValue, Is.EqualTo(0.1111111111111111).Within(1e-12));
        });
    }

    [Test]
    public void Test_TenVersusTwelveWithoutTies_MatchesScipyExact()
    {
        var result = MannWhitney.Test(
            [3.1, 4.7, 5.2, 6.0, 6.8, 7.5, 8.9, 9.4, 10.2, 11.7],
            [5.9, 7.1, 8.3, 9.9, 10.8, 12.5, 13.0, 14.6, 15.2, 16.1, 17.4, 18.8]);

        Assert.Multiple(() =>
        {
            Assert.That(result.U, Is.EqualTo(19));
            Assert.That(result.PValue, Is.EqualTo(0.005644510288473137).Within(1e-12));
        });
    }

    [Test]
    public void Test_SmallSamplesWithTies_UsesTieCorrectedNormalApproximation()
    {
        var result = MannWhitney.Test([1.1, 2.2, 2.2, 3.3, 4.4, 4.4, 5.5], [2.2, 4.4, 6.6, 6.6, 7.7, 8.8, 9.9, 3.3]);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsExact, Is.False);
            Assert.That(result.U, Is.EqualTo(10.5));
            Assert.That(result.PValue, Is.EqualTo(0.0471253041839123).Within(1e-9));
        });
    }

    [Test]
    public void Test_LargeSamples_MatchesScipyAsymptotic()
    {
        var a = Enumerable.Range(1, 25).Select(i => (double)i).ToArray();
        var b = a.Select(v => v + 7.5).ToArray();

        var result = MannWhitney.Test(a, b);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsExact, Is.False);
            Assert.That(result.U, Is.EqualTo(153));
            Assert.That(result.PValue, Is.EqualTo(0.002035157807278379).Within(1e-9));
        });
    }

    [Test]
    public void Test_SwappedSamples_GiveTheSamePValue()
    {
        double[] a = [19, 22, 16, 29, 24], b = [20, 11, 17, 12];

        Assert.That(MannWhitney.Test(b, a).PValue, Is.EqualTo(MannWhitney.Test(a, b).PValue).Within(1e-12));
    }

    [Test]
    public void Test_IdenticalConstantSamples_HasPValueOne()
    {
        Assert.That(MannWhitney.Test([5, 5, 5], [5, 5, 5, 5]).PValue, Is.EqualTo(1));
    }

    [Test]
    public void Test_EmptySample_Throws()
    {
        Assert.That(() => MannWhitney.Test([], [1.0]), Throws.ArgumentException);
    }

    [Test]
    public void RatioOfMedians_SameSeed_GivesTheSameIntervalAroundTheTrueRatio()
    {
        var random = new Random(3);
        var a = Enumerable.Range(0, 40).Select(_ => 100 * Math.Exp(0.1 * Synthetic.Gaussian(random))).ToArray();
        var b = a.Select(v => v * 1.2).ToArray();

        var first = BootstrapInterval.RatioOfMedians(a, b);
        var second = BootstrapInterval.RatioOfMedians(a, b);

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(first.Low, Is.LessThan(1.2));
            Assert.That(first.High, Is.GreaterThan(1.2));
            Assert.That(first.Low, Is.GreaterThan(1.05));
        });
    }
}
