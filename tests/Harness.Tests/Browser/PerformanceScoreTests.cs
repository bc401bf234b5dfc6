using PerfTests.Browser;

namespace Harness.Tests.Browser;

/// <summary>Lighthouse's performance scoring, checked against numbers Lighthouse's own code produced.</summary>
[TestFixture]
public sealed class PerformanceScoreTests
{
    // Computed with Lighthouse 13.5.0's code (npm lighthouse@13.5.0): Util.computeLogNormalScore from shared/util.js
    // with each metric audit's defaultOptions. 5000 ms mobile FCP, 4800 ms desktop LCP and CLS 0.625 sit exactly on
    // score 0.1, where only Lighthouse's own erf approximation floors to 0.1.
    private static readonly (FormFactor FormFactor, string Metric, double[] Values, double[] Scores)[] Reference =
    [
        (FormFactor.Mobile, VitalMetrics.Fcp, [0, 500, 934, 1200, 1600, 1800, 2500, 3000, 5000, 6000], [1, 1, 1, 0.99, 0.94, 0.9, 0.67, 0.5, 0.1, 0.04]),
        (FormFactor.Mobile, VitalMetrics.SpeedIndex, [800, 1311, 2300, 3387, 4500, 5800, 10000], [1, 1, 0.99, 0.9, 0.72, 0.5, 0.09]),
        (FormFactor.Mobile, VitalMetrics.Lcp, [1000, 1200, 2000, 2400, 2500, 3200, 4000, 8000], [1, 1, 0.97, 0.91, 0.9, 0.72, 0.5, 0.02]),
        (FormFactor.Mobile, VitalMetrics.Tbt, [0, 50, 150, 200, 350, 600, 1200], [1, 1, 0.94, 0.9, 0.73, 0.5, 0.2]),
        (FormFactor.Mobile, VitalMetrics.Cls, [0, 0.02, 0.1, 0.15, 0.25, 0.5, 0.625], [1, 1, 0.9, 0.76, 0.5, 0.16, 0.1]),
        (FormFactor.Mobile, VitalMetrics.Tti, [2468, 3785, 4500, 7300, 12000], [0.98, 0.9, 0.82, 0.5, 0.16]),
        (FormFactor.Desktop, VitalMetrics.Fcp, [0, 500, 934, 1200, 1600, 1800, 2500, 3000, 6000], [1, 1, 0.9, 0.75, 0.5, 0.38, 0.14, 0.06, 0]),
        (FormFactor.Desktop, VitalMetrics.SpeedIndex, [800, 1311, 2300, 3387, 4500, 5800, 10000], [0.99, 0.9, 0.5, 0.18, 0.06, 0.01, 0]),
        (FormFactor.Desktop, VitalMetrics.Lcp, [1000, 1200, 2000, 2400, 2500, 3200, 4000, 4800, 8000], [0.94, 0.9, 0.63, 0.5, 0.46, 0.29, 0.17, 0.1, 0.01]),
        (FormFactor.Desktop, VitalMetrics.Tbt, [0, 50, 150, 200, 350, 600, 1200], [1, 1, 0.9, 0.8, 0.5, 0.2, 0.03]),
        (FormFactor.Desktop, VitalMetrics.Cls, [0, 0.02, 0.1, 0.15, 0.25, 0.5], [1, 1, 0.9, 0.76, 0.5, 0.16]),
        (FormFactor.Desktop, VitalMetrics.Tti, [2468, 3785, 4500, 7300, 12000], [0.9, 0.64, 0.5, 0.15, 0.01]),
    ];

    // Lab-like runs; the metric scores and the category score (ReportScoring.arithmeticMean) from Lighthouse 13.5.0's code:
    // mobile 0.81, 0.79, 0.70, 0.66, 0.94 -> 0.77; desktop 0.91, 0.83, 0.66, 0.98, 0.84 -> 0.84.
    private static readonly Dictionary<string, double> MobileRun = new()
    {
        [VitalMetrics.Fcp] = 2100, [VitalMetrics.SpeedIndex] = 4100, [VitalMetrics.Lcp] = 3300,
        [VitalMetrics.Tbt] = 420, [VitalMetrics.Cls] = 0.08, [VitalMetrics.Tti] = 6000,
    };

    private static readonly Dictionary<string, double> DesktopRun = new()
    {
        [VitalMetrics.Fcp] = 900, [VitalMetrics.SpeedIndex] = 1500, [VitalMetrics.Lcp] = 1900,
        [VitalMetrics.Tbt] = 90, [VitalMetrics.Cls] = 0.12, [VitalMetrics.Tti] = 3000,
    };

    private static IEnumerable<TestCaseData> ReferenceCases() =>
        Reference.SelectMany(r => r.Values.Zip(r.Scores, (value, score) => new TestCaseData(r.FormFactor, r.Metric, value, score)));

    [TestCaseSource(nameof(ReferenceCases))]
    public void MetricScore_LighthouseReference_IsTheSame(FormFactor formFactor, string metric, double value, double lighthouseScore)
    {
        Assert.That(PerformanceScore.MetricScore(metric, value, formFactor), Is.EqualTo(lighthouseScore));
    }

    [Test]
    public void MetricScore_UnknownMetricOrNaN_IsNull()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PerformanceScore.MetricScore(VitalMetrics.Ttfb, 100, FormFactor.Desktop), Is.Null);
            Assert.That(PerformanceScore.MetricScore(VitalMetrics.Lcp, double.NaN, FormFactor.Desktop), Is.Null);
        });
    }

    [Test]
    public void MetricScore_InfiniteTime_IsZero()
    {
        Assert.That(PerformanceScore.MetricScore(VitalMetrics.Lcp, double.PositiveInfinity, FormFactor.Mobile), Is.Zero);
    }

    [Test]
    public void Category_MobileRun_IsLighthousesScore()
    {
        Assert.That(PerformanceScore.Category(MobileRun, FormFactor.Mobile), Is.EqualTo(0.77));
    }

    [Test]
    public void Category_DesktopRun_IsLighthousesScore()
    {
        Assert.That(PerformanceScore.Category(DesktopRun, FormFactor.Desktop), Is.EqualTo(0.84));
    }

    [Test]
    public void Category_WithoutTti_IsUnchanged()
    {
        var run = new Dictionary<string, double>(MobileRun);
        run.Remove(VitalMetrics.Tti);

        Assert.That(PerformanceScore.Category(run, FormFactor.Mobile), Is.EqualTo(0.77));
    }

    [Test]
    public void Category_WeightedMetricMissing_IsNull()
    {
        var run = new Dictionary<string, double>(DesktopRun);
        run.Remove(VitalMetrics.SpeedIndex);

        Assert.That(PerformanceScore.Category(run, FormFactor.Desktop), Is.Null);
    }

    [Test]
    public void Category_PerfectRun_IsOne()
    {
        var run = new Dictionary<string, double>
        {
            [VitalMetrics.Fcp] = 300, [VitalMetrics.SpeedIndex] = 400, [VitalMetrics.Lcp] = 500,
            [VitalMetrics.Tbt] = 0, [VitalMetrics.Cls] = 0,
        };

        Assert.That(PerformanceScore.Category(run, FormFactor.Desktop), Is.EqualTo(1));
    }
}
