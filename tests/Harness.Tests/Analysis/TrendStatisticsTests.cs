using PerfTests.Analysis.Trends;

namespace Harness.Tests.Analysis;

public class TrendStatisticsTests
{
    private static List<SeriesPoint> Points(double[] x, double[] y) => x.Zip(y, (a, b) => new SeriesPoint(a, b)).ToList();

    [Test]
    public void FitLinear_TextbookData_MatchesKnownRegression()
    {
        // x = 1..5, y = 2 4 5 4 5: slope 0.6, intercept 2.2, R² 0.6, SE 0.2828, p 0.124 (df 3), as R's lm() reports.
        var fit = TrendStatistics.FitLinear(Points([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]))!;

        Assert.Multiple(() =>
        {
            Assert.That(fit.Slope, Is.EqualTo(0.6).Within(1e-12));
            Assert.That(fit.Intercept, Is.EqualTo(2.2).Within(1e-12));
            Assert.That(fit.RSquared, Is.EqualTo(0.6).Within(1e-12));
            Assert.That(fit.SlopeStandardError, Is.EqualTo(Math.Sqrt(0.08)).Within(1e-12));
            Assert.That(fit.PValue, Is.EqualTo(0.124).Within(0.0005));
            // t(0.975, 3) = 3.182446
            Assert.That(fit.SlopeCiLow, Is.EqualTo(0.6 - (3.182446 * Math.Sqrt(0.08))).Within(1e-5));
        });
    }

    [Test]
    public void FitLinear_FewerThanThreePoints_ReturnsNull()
    {
        Assert.That(TrendStatistics.FitLinear(Points([1, 2], [1, 2])), Is.Null);
    }

    [Test]
    public void FitLinear_AllPointsAtOneTime_ReturnsNull()
    {
        Assert.That(TrendStatistics.FitLinear(Points([3, 3, 3], [1, 2, 3])), Is.Null);
    }

    [Test]
    public void FitRobust_StrictlyIncreasingTenPoints_MatchesMannKendallByHand()
    {
        // S = 45, Var(S) = 10*9*25/18 = 125, Z = (45 - 1) / sqrt(125) = 3.9355, two-sided p = 8.30e-5.
        var trend = TrendStatistics.FitRobust(Points([.. Enumerable.Range(0, 10).Select(i => (double)i)], [.. Enumerable.Range(0, 10).Select(i => i * 2.0)]))!;

        Assert.Multiple(() =>
        {
            Assert.That(trend.KendallS, Is.EqualTo(45));
            Assert.That(trend.KendallZ, Is.EqualTo(44 / Math.Sqrt(125)).Within(1e-12));
            Assert.That(trend.PValue, Is.EqualTo(8.30e-5).Within(0.02e-5));
            Assert.That(trend.Slope, Is.EqualTo(2).Within(1e-12));
            Assert.That(trend.SlopeCiLow, Is.EqualTo(2).Within(1e-12));
        });
    }

    [Test]
    public void FitRobust_TiedValues_UseTieCorrectedVariance()
    {
        // y = 1 1 2 2 3: S = 8; ties: two groups of 2 -> Var(S) = (5*4*15 - 2*(2*1*9)) / 18 = 14.667.
        var trend = TrendStatistics.FitRobust(Points([0, 1, 2, 3, 4], [1, 1, 2, 2, 3]))!;

        Assert.That(trend.KendallZ, Is.EqualTo(7 / Math.Sqrt(264.0 / 18)).Within(1e-12));
    }

    [Test]
    public void FitRobust_OneHugeOutlier_KeepsTheSlopeWhereLeastSquaresIsPulledAway()
    {
        var y = Enumerable.Range(0, 20).Select(i => (double)i).ToArray();
        y[18] = 500;
        var points = Points([.. Enumerable.Range(0, 20).Select(i => (double)i)], y);

        var robust = TrendStatistics.FitRobust(points)!;
        var linear = TrendStatistics.FitLinear(points)!;

        Assert.Multiple(() =>
        {
            Assert.That(robust.Slope, Is.EqualTo(1).Within(1e-9));
            Assert.That(linear.Slope, Is.GreaterThan(5));
        });
    }

    [Test]
    public void FitRobust_FlatConstantSeries_HasNoTrend()
    {
        var trend = TrendStatistics.FitRobust(Points([0, 1, 2, 3, 4], [7, 7, 7, 7, 7]))!;

        Assert.Multiple(() =>
        {
            Assert.That(trend.Slope, Is.Zero);
            Assert.That(trend.PValue, Is.EqualTo(1));
        });
    }
}
