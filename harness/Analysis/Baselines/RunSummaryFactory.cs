using PerfTests.Analysis.Trends;
using PerfTests.Load.Histograms;
using PerfTests.Load.Results;

namespace PerfTests.Analysis.Baselines;

/// <summary>Builds a <see cref="RunSummary"/> from the engine's result.</summary>
public static class RunSummaryFactory
{
    /// <summary>Default interval of the per-interval p95 series: 10 s.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    /// <summary>Summarises a run.</summary>
    /// <param name="result">The finished run.</param>
    /// <param name="suite">Suite name stored with the summary.</param>
    /// <param name="interval">Interval of the p95 series (whole seconds); default 10 s.</param>
    /// <param name="label">Optional label (commit, build).</param>
    /// <param name="includeHistograms">Embed each scenario's HdrHistogram log (base64); default true.</param>
    public static RunSummary Create(
        LoadRunResult result, string suite, TimeSpan? interval = null, string? label = null, bool includeHistograms = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(suite);
        var length = interval ?? DefaultInterval;
        return new RunSummary
        {
            Suite = suite,
            Label = label,
            StartedAt = result.StartedAt,
            IntervalSeconds = (int)length.TotalSeconds,
            IsCancelled = result.IsCancelled,
            ShardIndex = result.Shard.IsSingle ? null : result.Shard.Index,
            ShardCount = result.Shard.IsSingle ? null : result.Shard.Count,
            PlanFingerprint = result.PlanFingerprint,
            Host = Environment.MachineName,
            Scenarios = [.. result.Scenarios.Select(s => Summarise(s, result.StartedAt, length, includeHistograms))],
        };
    }

    private static ScenarioSummary Summarise(ScenarioResult s, DateTimeOffset startedAt, TimeSpan interval, bool includeHistograms)
    {
        string? log = null;
        if (includeHistograms)
        {
            using var buffer = new MemoryStream();
            HistogramLog.Write(buffer, startedAt, s);
            log = Convert.ToBase64String(buffer.ToArray());
        }

        return new ScenarioSummary
        {
            Name = s.Name,
            DurationSeconds = s.Duration.TotalSeconds,
            RequestCount = s.RequestCount,
            FailCount = s.FailCount,
            DroppedCount = s.DroppedCount,
            RequestsPerSecond = s.RequestsPerSecond,
            ErrorRate = s.RequestCount == 0 ? 0 : s.FailCount / (double)s.RequestCount,
            P50Us = s.Latency.P50.ValueUs,
            P95Us = s.Latency.P95.ValueUs,
            P99Us = s.Latency.P99.ValueUs,
            IntervalP95Us = [.. TimelineIntervals.P95(s.Timeline, interval).Select(p => p.Value)],
            HistogramLogBase64 = log,
        };
    }
}
