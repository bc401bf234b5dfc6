using PerfTests.Analysis.Baselines;

namespace Harness.Tests.Analysis;

/// <summary>Run summaries made directly from interval samples, for comparer and A/B tests.</summary>
internal static class Summaries
{
    public static RunSummary Of(IReadOnlyList<double> intervalP95Us, string scenario = "browse", string? label = null) => new()
    {
        Suite = "suite",
        Label = label,
        StartedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        IntervalSeconds = 10,
        Scenarios =
        [
            new ScenarioSummary
            {
                Name = scenario,
                DurationSeconds = intervalP95Us.Count * 10,
                RequestCount = intervalP95Us.Count * 1000L,
                FailCount = 0,
                DroppedCount = 0,
                RequestsPerSecond = 100,
                ErrorRate = 0,
                IntervalP95Us = intervalP95Us,
            },
        ],
    };

    /// <summary>
    /// One synthetic run: interval p95s log-normal around <paramref name="medianUs"/> (10 % noise per
    /// interval) times a per-run offset (log-normal, <paramref name="runOffsetSigma"/>): a shared CI
    /// runner is faster or slower as a whole from one run to the next.
    /// </summary>
    public static List<double> Intervals(Random random, int count, double medianUs, double runOffsetSigma, double sharedLogOffset = 0)
    {
        var offset = Math.Exp((runOffsetSigma * Synthetic.Gaussian(random)) + sharedLogOffset);
        return [.. Enumerable.Range(0, count).Select(_ => medianUs * offset * Math.Exp(0.10 * Synthetic.Gaussian(random)))];
    }
}
