using HdrHistogram;
using PerfTests.Load.Histograms;
using PerfTests.Load.Results;

namespace PerfTests.Load.Sharding;

/// <summary>
/// The shards of one run merged into the result of one run, exactly: histograms (whole run, per step,
/// per second) are added, never averaged, since every histogram has the one configuration of
/// <see cref="HistogramSettings"/>; counts, bytes and status codes are summed; timelines are aligned by
/// absolute time (each shard's start plus its warm-up) and summed second by second, their percentiles
/// taken from the merged second. Budgets then judge the merged result as they would a single run.
/// </summary>
public static class ShardMerge
{
    /// <summary>Merges <paramref name="shards"/> (at least one, with the same scenarios and steps).</summary>
    /// <exception cref="ArgumentException">The shards do not have the same scenarios or steps; the message names them.</exception>
    public static LoadRunResult Merge(IReadOnlyList<LoadRunResult> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0)
        {
            throw new ArgumentException("No shard to merge.", nameof(shards));
        }

        var names = shards[0].Scenarios.Select(s => s.Name).ToList();
        for (var i = 1; i < shards.Count; i++)
        {
            var other = shards[i].Scenarios.Select(s => s.Name).ToList();
            if (!other.SequenceEqual(names, StringComparer.Ordinal))
            {
                throw new ArgumentException($"Shard {shards[i].Shard} ran scenarios [{string.Join(", ", other)}], shard {shards[0].Shard} [{string.Join(", ", names)}]: not one run.", nameof(shards));
            }
        }

        // Second 1 of the merged timeline is the first shard's first measured second.
        var origin = shards.Min(MeasureStart);
        var startedAt = shards.Min(s => s.StartedAt);
        var end = shards.Max(s => s.StartedAt + s.Duration);
        return new LoadRunResult
        {
            StartedAt = startedAt,
            Duration = end - startedAt,
            IsCancelled = shards.Any(s => s.IsCancelled),
            AbortReason = shards.FirstOrDefault(s => s.AbortReason is not null) is { } aborted ? $"shard {aborted.Shard}: {aborted.AbortReason}" : null,
            TargetUnreachable = shards.Any(s => s.TargetUnreachable),
            Shard = Shard.Whole,
            PlanFingerprint = shards[0].PlanFingerprint,
            Scenarios = [.. names.Select(name => MergeScenario(name, [.. shards.Select(s => (s[name], Offset(s, origin)))]))],
        };
    }

    private static DateTimeOffset MeasureStart(LoadRunResult run) =>
        run.StartedAt + (run.Scenarios.Count == 0 ? TimeSpan.Zero : run.Scenarios.Min(s => s.WarmUp));

    private static int Offset(LoadRunResult run, DateTimeOffset origin) =>
        (int)Math.Round((MeasureStart(run) - origin).TotalSeconds, MidpointRounding.AwayFromZero);

    private static ScenarioResult MergeScenario(string name, IReadOnlyList<(ScenarioResult Result, int Offset)> parts)
    {
        var first = parts[0].Result;
        var stepNames = first.Steps.Select(s => s.Name).ToList();
        foreach (var (part, _) in parts.Where(p => !p.Result.Steps.Select(s => s.Name).SequenceEqual(stepNames, StringComparer.Ordinal)))
        {
            throw new ArgumentException($"Scenario '{name}' has steps [{string.Join(", ", part.Steps.Select(s => s.Name))}] in one shard and [{string.Join(", ", stepNames)}] in another: not one run.", nameof(parts));
        }

        var duration = parts.Max(p => p.Result.Duration + TimeSpan.FromSeconds(p.Offset));
        var seconds = Math.Max(duration.TotalSeconds, 1e-9);
        var results = parts.Select(p => p.Result).ToList();
        var (timeline, intervals) = MergeTimeline(parts);
        var ok = results.Sum(r => r.OkCount);
        var fail = results.Sum(r => r.FailCount);
        var bytes = results.Sum(r => r.Bytes);
        return new ScenarioResult
        {
            Name = name,
            Duration = duration,
            WarmUp = first.WarmUp,
            WarmUpSteadiness = results.Select(r => r.WarmUpSteadiness).FirstOrDefault(w => w is { IsSteady: false }) ?? first.WarmUpSteadiness,
            Latency = Add(results.Select(r => r.Latency)),
            UncorrectedLatency = Add(results.Select(r => r.UncorrectedLatency)),
            FailedLatency = Add(results.Select(r => r.FailedLatency)),
            OkCount = ok,
            FailCount = fail,
            DroppedCount = results.Sum(r => r.DroppedCount),
            InterruptedCount = results.Sum(r => r.InterruptedCount),
            Bytes = bytes,
            RequestsPerSecond = (ok + fail) / seconds,
            BytesPerSecond = bytes / seconds,
            StatusCodes = Sum(results.Select(r => r.StatusCodes)),
            Steps = [.. stepNames.Select((step, i) => MergeStep(step, [.. results.Select(r => r.Steps[i])], seconds))],
            Timeline = timeline,
            Intervals = intervals,
        };
    }

    private static StepStats MergeStep(string name, IReadOnlyList<StepStats> parts, double seconds)
    {
        var ok = parts.Sum(p => p.OkCount);
        var fail = parts.Sum(p => p.FailCount);
        var bytes = parts.Sum(p => p.Bytes);
        return new StepStats
        {
            Name = name,
            Latency = Add(parts.Select(p => p.Latency)),
            FailedLatency = Add(parts.Select(p => p.FailedLatency)),
            OkCount = ok,
            FailCount = fail,
            Bytes = bytes,
            StatusCodes = Sum(parts.Select(p => p.StatusCodes)),
            RequestsPerSecond = (ok + fail) / seconds,
            BytesPerSecond = bytes / seconds,
        };
    }

    private static (IReadOnlyList<TimelinePoint> Timeline, LatencyIntervals Intervals) MergeTimeline(IReadOnlyList<(ScenarioResult Result, int Offset)> parts)
    {
        var counts = new SortedDictionary<int, (long Requests, long Failures, long Dropped, long Bytes)>();
        var histograms = new SortedDictionary<int, HistogramBase>();
        foreach (var (result, offset) in parts)
        {
            foreach (var point in result.Timeline)
            {
                var c = counts.GetValueOrDefault(point.Second + offset);
                counts[point.Second + offset] = (c.Requests + point.Requests, c.Failures + point.Failures, c.Dropped + point.Dropped, c.Bytes + point.Bytes);
            }

            foreach (var (second, histogram) in result.Intervals.Histograms())
            {
                if (!histograms.TryGetValue(second + offset, out var merged))
                {
                    histograms[second + offset] = merged = HistogramSettings.Create();
                }

                merged.Add(histogram);
            }
        }

        var builder = new LatencyIntervals.Builder();
        var timeline = new List<TimelinePoint>(counts.Count);
        foreach (var (second, c) in counts)
        {
            var h = histograms.GetValueOrDefault(second);
            var empty = h is null || h.TotalCount == 0;
            timeline.Add(new TimelinePoint(second, c.Requests, c.Failures, c.Dropped, c.Bytes,
                empty ? null : h!.GetValueAtPercentile(50), empty ? null : h!.GetValueAtPercentile(95), empty ? null : h!.GetValueAtPercentile(99)));
            if (!empty)
            {
                builder.Add(second, h!);
            }
        }

        return (timeline, builder.Build());
    }

    private static LatencyStats Add(IEnumerable<LatencyStats> parts)
    {
        var merged = HistogramSettings.Create();
        foreach (var part in parts)
        {
            merged.Add(part.CopyHistogram());
        }

        return new LatencyStats(merged);
    }

    private static Dictionary<string, long> Sum(IEnumerable<IReadOnlyDictionary<string, long>> parts)
    {
        var sum = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, n) in parts.SelectMany(p => p))
        {
            sum[key] = sum.GetValueOrDefault(key) + n;
        }

        return sum;
    }
}
