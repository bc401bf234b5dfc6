using PerfTests.Load.Histograms;
using PerfTests.Load.Results;

namespace Harness.Tests.Analysis;

/// <summary>Engine results built by hand (seeded), for the summary and comparison tests.</summary>
internal static class FakeRuns
{
    /// <summary>A run with one scenario of <paramref name="seconds"/> seconds at 100 requests/s, latency around <paramref name="baseUs"/> (plus a linear drift).</summary>
    public static LoadRunResult Run(string scenario, int seconds, double baseUs, int seed, DateTimeOffset startedAt, double driftUsPerSecond = 0)
    {
        var random = new Random(seed);
        var histogram = HistogramSettings.Create();
        var timeline = new List<TimelinePoint>();
        for (var s = 1; s <= seconds; s++)
        {
            var second = new List<long>();
            for (var i = 0; i < 100; i++)
            {
                var us = (long)((baseUs + (driftUsPerSecond * s)) * Math.Exp(0.3 * Synthetic.Gaussian(random)));
                histogram.RecordValue(us);
                second.Add(us);
            }

            second.Sort();
            timeline.Add(new TimelinePoint(s, 100, 1, 0, 1000, second[49], second[94], second[98]));
        }

        var stats = new LatencyStats(histogram);
        var result = new ScenarioResult
        {
            Name = scenario,
            Duration = TimeSpan.FromSeconds(seconds),
            Latency = stats,
            UncorrectedLatency = stats,
            OkCount = 99L * seconds,
            FailCount = seconds,
            DroppedCount = 0,
            InterruptedCount = 0,
            Bytes = 1000L * seconds,
            RequestsPerSecond = 100,
            BytesPerSecond = 1000,
            StatusCodes = new Dictionary<string, long> { ["200"] = 99L * seconds, ["500"] = seconds },
            Steps = [],
            Timeline = timeline,
        };
        return new LoadRunResult { StartedAt = startedAt, Duration = result.Duration, IsCancelled = false, Scenarios = [result] };
    }
}
