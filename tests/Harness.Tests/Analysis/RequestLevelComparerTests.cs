using HdrHistogram;
using PerfTests.Analysis.Baselines;
using PerfTests.Load.Histograms;

namespace Harness.Tests.Analysis;

[TestFixture]
public sealed class RequestLevelComparerTests
{
    // Deterministic "latencies" (µs): a spread around a median, like one arm of a side-by-side run.
    private static LongHistogram Arm(int count, double median, double shift = 0, int seed = 1)
    {
        var random = new Random(seed);
        var histogram = HistogramSettings.Create();
        for (var i = 0; i < count; i++)
        {
            histogram.RecordValue((long)(median * Math.Exp(random.NextDouble() - 0.5) + shift));
        }

        return histogram;
    }

    [Test]
    public void CompareScenario_SameDistribution_Same()
    {
        var result = RequestLevelComparer.CompareScenario("s", Arm(300, 2000, seed: 1), Arm(300, 2000, seed: 2));

        Assert.That(result.Verdict, Is.EqualTo(ComparisonVerdict.Same), result.Explanation);
    }

    [Test]
    public void CompareScenario_EveryRequest30PercentSlower_RegressedWithTheChange()
    {
        // Same draws, every one 600 µs later: the median moves by 600 / ~2000 µs.
        var baseline = Arm(300, 2000, seed: 1);
        var result = RequestLevelComparer.CompareScenario("s", baseline, Arm(300, 2000, shift: 600, seed: 1));

        Assert.That(result.Verdict, Is.EqualTo(ComparisonVerdict.Regressed), result.Explanation);
        Assert.That(result.Change, Is.EqualTo(600.0 / baseline.GetValueAtPercentile(50)).Within(0.01));
        Assert.That(result.PValue, Is.LessThan(0.01));
        Assert.That(result.Explanation, Does.Contain("over 300 vs 300 requests: regressed"));
    }

    [Test]
    public void CompareScenario_SignificantButBelowTenPercent_Same()
    {
        var result = RequestLevelComparer.CompareScenario("s", Arm(20_000, 2000, seed: 1), Arm(20_000, 2000, shift: 100, seed: 2));

        Assert.That(result.PValue, Is.LessThan(0.01), "20,000 requests make a 5% shift significant");
        Assert.That(result.Verdict, Is.EqualTo(ComparisonVerdict.Same), "but 5% is below the 10% minimum effect");
    }

    [Test]
    public void CompareScenario_FasterCandidate_Improved()
    {
        var result = RequestLevelComparer.CompareScenario("s", Arm(300, 2000, shift: 600, seed: 1), Arm(300, 2000, seed: 2));

        Assert.That(result.Verdict, Is.EqualTo(ComparisonVerdict.Improved), result.Explanation);
    }

    [Test]
    public void CompareScenario_TooFewRequests_NotEnoughData()
    {
        var result = RequestLevelComparer.CompareScenario("s", Arm(19, 2000), Arm(300, 2000, shift: 2000));

        Assert.That(result.Verdict, Is.EqualTo(ComparisonVerdict.NotEnoughData));
        Assert.That(result.Explanation, Does.Contain("only 19 vs 300 requests"));
    }

    [Test]
    public void Compare_SummariesWithHistogramLogs_DecidesPerScenarioAndMissingHistogramIsNotEnoughData()
    {
        var baseline = Summary(("fast", Arm(300, 2000, seed: 1)), ("slow", null));
        var candidate = Summary(("fast", Arm(300, 2000, shift: 800, seed: 2)), ("slow", null));

        var report = RequestLevelComparer.Compare(baseline, candidate);

        Assert.That(report["fast"].Verdict, Is.EqualTo(ComparisonVerdict.Regressed));
        Assert.That(report["slow"].Verdict, Is.EqualTo(ComparisonVerdict.NotEnoughData));
        Assert.That(BaselineGate.CheckSideBySide(baseline, candidate).FailureMessage, Does.StartWith("Regression against baseline"));
    }

    private static RunSummary Summary(params (string Name, LongHistogram? Latency)[] scenarios) => new()
    {
        Suite = "load",
        StartedAt = DateTimeOffset.UnixEpoch,
        IntervalSeconds = 1,
        Scenarios = [.. scenarios.Select(s => new ScenarioSummary
        {
            Name = s.Name,
            DurationSeconds = 30,
            RequestCount = s.Latency?.TotalCount ?? 0,
            FailCount = 0,
            DroppedCount = 0,
            RequestsPerSecond = 10,
            ErrorRate = 0,
            IntervalP95Us = [],
            HistogramLogBase64 = s.Latency is null ? null : Log(s.Latency),
        })],
    };

    private static string Log(LongHistogram latency)
    {
        using var buffer = new MemoryStream();
        HistogramLog.Write(buffer, DateTimeOffset.UnixEpoch, latency);
        return Convert.ToBase64String(buffer.ToArray());
    }
}
