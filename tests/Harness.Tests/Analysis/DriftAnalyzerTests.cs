using PerfTests.Analysis;
using PerfTests.Analysis.Endurance;

namespace Harness.Tests.Analysis;

public class DriftAnalyzerTests
{
    // One hour of 10 s intervals, p95 around 100 ms with 15 % log-normal noise per interval.
    private const int Intervals = 360;
    private const double BaseUs = 100_000;

    [Test]
    public void Analyze_FlatNoisySeries_ReportsNoSignificantDrift()
    {
        var series = Synthetic.LatencySeries(new Random(11), Intervals, 10, BaseUs, 0, 0.15);

        var report = DriftAnalyzer.Analyze(series);

        Assert.Multiple(() =>
        {
            Assert.That(report.IsSignificantIncrease, Is.False, report.ToString());
            Assert.That(report.DriftMsPerHourCi!.Value.Low, Is.LessThanOrEqualTo(0), report.ToString());
            Assert.That(report.DriftMsPerHourCi!.Value.High, Is.GreaterThanOrEqualTo(0), report.ToString());
            Assert.That(Math.Abs(report.DriftPercentPerHour!.Value), Is.LessThan(5), report.ToString());
        });
    }

    [Test]
    public void Analyze_TwoMsPerMinuteDrift_IsDetectedWithTheRightSize()
    {
        // 2 ms/min = 120 ms/h = 2000 µs per 60 s.
        var series = Synthetic.LatencySeries(new Random(12), Intervals, 10, BaseUs, 2000.0 / 60, 0.15);

        var report = DriftAnalyzer.Analyze(series);

        Assert.Multiple(() =>
        {
            Assert.That(report.IsSignificantIncrease, Is.True, report.ToString());
            Assert.That(report.Robust!.PValue, Is.LessThan(1e-6), report.ToString());
            Assert.That(report.DriftMsPerHourCi!.Value.Low, Is.LessThanOrEqualTo(120), report.ToString());
            Assert.That(report.DriftMsPerHourCi!.Value.High, Is.GreaterThanOrEqualTo(120), report.ToString());
            Assert.That(report.DriftMsPerHour, Is.EqualTo(120).Within(20), report.ToString());
        });
    }

    [Test]
    public void Analyze_FewerIntervalsThanMinimum_IsNotEnoughDataWithNoMetrics()
    {
        var series = Synthetic.LatencySeries(new Random(13), 9, 10, BaseUs, 1000, 0.01);

        var report = DriftAnalyzer.Analyze(series);

        Assert.Multiple(() =>
        {
            Assert.That(report.HasEnoughData, Is.False);
            Assert.That(report.IsSignificantIncrease, Is.False);
            Assert.That(report.DriftMsPerHour, Is.Null);
            Assert.That(report.ToMetrics(), Is.Empty);
            Assert.That(report.ToString(), Does.Contain("not enough data"));
        });
    }

    [Test]
    public void ToMetrics_EnoughData_ExposesTheDocumentedNames()
    {
        var series = Synthetic.LatencySeries(new Random(14), 60, 10, BaseUs, 10, 0.05);

        var metrics = DriftAnalyzer.Analyze(series).ToMetrics();

        Assert.That(metrics.Keys, Is.EquivalentTo(new[]
        {
            AnalysisMetricNames.P95DriftMsPerHour, AnalysisMetricNames.P95DriftRelativePerHour,
            AnalysisMetricNames.P95DriftPValue, AnalysisMetricNames.P95DriftOlsMsPerHour,
        }));
        Assert.That(AnalysisMetricNames.P95DriftMsPerHour, Is.EqualTo("p95_drift_ms_per_hour"));
    }

    [Test]
    public void AnalyzeP95_EngineTimelineWithDrift_FindsTheSlopeFromPerSecondPoints()
    {
        // 10 minutes at 100 requests/s, median 20 ms drifting +2 ms per minute; per-second p95 is about 1.64x the median.
        var run = FakeRuns.Run("soak", 600, 20_000, 31, DateTimeOffset.UnixEpoch, 2000.0 / 60);

        var report = DriftAnalyzer.AnalyzeP95(run["soak"]);

        Assert.Multiple(() =>
        {
            Assert.That(report.IntervalCount, Is.EqualTo(60));
            Assert.That(report.IsSignificantIncrease, Is.True, report.ToString());
            Assert.That(report.DriftMsPerHour, Is.EqualTo(120 * 1.64).Within(25), report.ToString());
            Assert.That(report.ToMetrics()[AnalysisMetricNames.P95DriftRelativePerHour], Is.EqualTo(report.DriftPercentPerHour!.Value / 100).Within(1e-12));
            Assert.That(report.ToString(), Does.StartWith("drift +").And.Contain("ms/h (95% CI").And.EndWith("significant upward drift"));
        });
    }
}
