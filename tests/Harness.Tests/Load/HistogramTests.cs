using HdrHistogram;
using PerfTests.Load.Histograms;
using PerfTests.Load.Results;

namespace Harness.Tests.Load;

public sealed class HistogramTests
{
    // 3 significant digits: any value is within 0.1 % of the recorded one.
    private const double Precision = 0.001;

    [Test]
    public void LatencyStats_UniformOneToHundredThousand_PercentilesWithinPrecision()
    {
        var histogram = HistogramSettings.Create();
        for (var us = 1; us <= 100_000; us++)
        {
            histogram.RecordValue(us);
        }

        var stats = new LatencyStats(histogram);

        Assert.That(stats.Count, Is.EqualTo(100_000));
        Assert.That(stats.P50.ValueUs, Is.EqualTo(50_000).Within(50_000 * Precision));
        Assert.That(stats.P99.ValueUs, Is.EqualTo(99_000).Within(99_000 * Precision));
        Assert.That(stats.P999.ValueUs, Is.EqualTo(99_900).Within(99_900 * Precision));
        Assert.That(stats.MaxUs, Is.EqualTo(100_000).Within(100_000 * Precision));
        Assert.That(stats.MeanUs, Is.EqualTo(50_000.5).Within(50_000 * Precision));
        Assert.That(stats.P99.SampleCount, Is.EqualTo(100_000));
    }

    [Test]
    public void LatencyStats_SeededExponential_MatchesExactPercentiles()
    {
        var random = new Random(12345);
        var values = Enumerable.Range(0, 200_000).Select(_ => (long)(-Math.Log(1 - random.NextDouble()) * 5_000) + 1).ToArray();
        var histogram = HistogramSettings.Create();
        foreach (var v in values)
        {
            histogram.RecordValue(v);
        }

        Array.Sort(values);
        var stats = new LatencyStats(histogram);
        foreach (var p in new[] { 50.0, 90, 99, 99.9 })
        {
            var exact = values[(int)Math.Ceiling(p / 100 * values.Length) - 1];
            Assert.That(stats.GetPercentile(p).ValueUs, Is.EqualTo((double)exact).Within((exact * Precision) + 1), $"p{p}");
        }
    }

    [Test]
    public void LatencyStats_Empty_ReportsCountZeroAndNoValue()
    {
        var stats = new LatencyStats(HistogramSettings.Create());

        Assert.That(stats.Count, Is.Zero);
        Assert.That(stats.P99.HasValue, Is.False);
        Assert.That(stats.P99.ValueUs, Is.Null);
        Assert.That(stats.P99.SampleCount, Is.Zero);
        Assert.That(stats.GetPercentile(50).Value, Is.Null);
        Assert.That(stats.MeanUs, Is.Null);
        Assert.That(stats.MaxUs, Is.Null);
        Assert.That(stats.ToString(), Does.Contain("no samples"));
    }

    [Test]
    public void DrainInto_ValuesSpreadOverWorkers_EqualsSingleHistogram()
    {
        var striped = new StripedRecorder(stripeCount: 4);
        var single = HistogramSettings.Create();
        var random = new Random(3);
        for (var i = 0; i < 50_000; i++)
        {
            var us = random.NextInt64(1, 2_000_000);
            striped.Record(workerId: i % 13, us);
            single.RecordValue(us);
        }

        var merged = HistogramSettings.Create();
        striped.DrainInto(merged);

        AssertSameDistribution(merged, single);
    }

    [Test]
    public void DrainInto_ConcurrentWriters_LosesNoSample()
    {
        var striped = new StripedRecorder(stripeCount: 2);
        Parallel.For(0, 8, worker =>
        {
            for (var i = 1; i <= 20_000; i++)
            {
                striped.Record(worker, i);
            }
        });

        var merged = HistogramSettings.Create();
        striped.DrainInto(merged);

        Assert.That(merged.TotalCount, Is.EqualTo(160_000));
        Assert.That(merged.GetMaxValue(), Is.EqualTo(20_000).Within(20));
    }

    [Test]
    public void Record_ValueAboveOneHour_IsClampedNotThrown()
    {
        var striped = new StripedRecorder(1);
        striped.Record(0, HistogramSettings.HighestUs * 10);
        var merged = HistogramSettings.Create();
        striped.DrainInto(merged);

        Assert.That(merged.TotalCount, Is.EqualTo(1));
    }

    [Test]
    public void HistogramLog_WriteThenRead_RoundTripsCountsAndTimestamps()
    {
        var start = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var first = HistogramSettings.Create();
        var second = HistogramSettings.Create();
        for (var i = 1; i <= 1000; i++)
        {
            first.RecordValue(i * 10);
            second.RecordValue(i * 1000);
        }

        first.StartTimeStamp = start.ToUnixTimeMilliseconds();
        first.EndTimeStamp = first.StartTimeStamp + 1000;
        second.StartTimeStamp = first.EndTimeStamp;
        second.EndTimeStamp = second.StartTimeStamp + 1000;
        using var buffer = new MemoryStream();

        HistogramLog.Write(buffer, start, first, second);
        using var readBack = new MemoryStream(buffer.ToArray());
        var histograms = HistogramLog.Read(readBack);

        Assert.That(histograms, Has.Count.EqualTo(2));
        AssertSameDistribution(histograms[0], first);
        AssertSameDistribution(histograms[1], second);
        Assert.That(histograms[1].StartTimeStamp, Is.EqualTo(second.StartTimeStamp));
    }

    private static void AssertSameDistribution(HistogramBase actual, HistogramBase expected)
    {
        Assert.That(actual.TotalCount, Is.EqualTo(expected.TotalCount));
        Assert.That(actual.GetMaxValue(), Is.EqualTo(expected.GetMaxValue()));
        foreach (var p in new[] { 1.0, 50, 90, 99, 99.9, 100 })
        {
            Assert.That(actual.GetValueAtPercentile(p), Is.EqualTo(expected.GetValueAtPercentile(p)), $"p{p}");
        }
    }
}
