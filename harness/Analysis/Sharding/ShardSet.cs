using System.Globalization;
using PerfTests.Analysis.Baselines;

namespace PerfTests.Analysis.Sharding;

/// <summary>
/// The summaries of a sharded run, checked to belong to one run before they are merged: every shard of
/// the count present once, the same suite, commit (label) and load plan, and start times within a
/// tolerance of each other. Anything else is a clear error naming the shard and where it was read from,
/// never a merge of two runs that would be judged as one.
/// </summary>
public static class ShardSet
{
    /// <summary>Default start-time tolerance: shards scheduled together start within a minute.</summary>
    public static readonly TimeSpan DefaultStartTolerance = TimeSpan.FromMinutes(1);

    /// <summary>Checks <paramref name="shards"/> (each with the folder or file it came from); returns them ordered by shard index.</summary>
    /// <exception cref="ShardSetException">They are not the complete shards of one run; the message names each problem's shard.</exception>
    public static IReadOnlyList<(string Source, RunSummary Summary)> Check(
        IReadOnlyList<(string Source, RunSummary Summary)> shards, TimeSpan? startTolerance = null)
    {
        ArgumentNullException.ThrowIfNull(shards);
        var tolerance = startTolerance ?? DefaultStartTolerance;
        var problems = new List<string>();
        if (shards.Count == 0)
        {
            throw new ShardSetException(["no shard summaries were given."]);
        }

        foreach (var (source, summary) in shards.Where(s => s.Summary.ShardCount is null || s.Summary.ShardIndex is null))
        {
            problems.Add($"{source} is not a shard's summary (no shard index and count: it ran the whole load; set PERF_SHARD for each shard).");
        }

        if (problems.Count > 0)
        {
            throw new ShardSetException(problems);
        }

        var first = shards.OrderBy(s => s.Summary.ShardIndex).First();
        var count = first.Summary.ShardCount!.Value;
        foreach (var (source, summary) in shards.Where(s => s.Summary.ShardCount != count))
        {
            problems.Add($"{Name(summary)} ({source}) is of {summary.ShardCount} shards, {Name(first.Summary)} ({first.Source}) of {count}.");
        }

        foreach (var group in shards.GroupBy(s => s.Summary.ShardIndex!.Value).Where(g => g.Count() > 1))
        {
            problems.Add($"shard {group.Key + 1}/{count} is there {group.Count()} times: {string.Join(", ", group.Select(g => g.Source))}.");
        }

        var present = shards.Select(s => s.Summary.ShardIndex!.Value).ToHashSet();
        foreach (var missing in Enumerable.Range(0, count).Where(i => !present.Contains(i)))
        {
            problems.Add($"shard {missing + 1}/{count} is missing (got {string.Join(", ", present.Order().Select(i => $"{i + 1}/{count}"))}): its job failed, or its output was not downloaded.");
        }

        Same(shards, first, s => s.Suite, "suite", problems);
        Same(shards, first, s => s.Label, "commit", problems);
        Same(shards, first, s => s.PlanFingerprint, "load plan (scenarios, stages, warm-up, seed, duration scale)", problems);
        foreach (var (source, summary) in shards)
        {
            var apart = summary.StartedAt - first.Summary.StartedAt;
            if (apart.Duration() > tolerance)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{Name(summary)} ({source}) started {Math.Abs(apart.TotalSeconds):0} s {(apart > TimeSpan.Zero ? "after" : "before")} {Name(first.Summary)} ({summary.StartedAt:u} vs {first.Summary.StartedAt:u}); shards of one run start within {tolerance.TotalSeconds:0} s, so the merged load would not be the planned one."));
            }
        }

        return problems.Count > 0 ? throw new ShardSetException(problems) : [.. shards.OrderBy(s => s.Summary.ShardIndex)];
    }

    private static void Same(
        IReadOnlyList<(string Source, RunSummary Summary)> shards, (string Source, RunSummary Summary) first, Func<RunSummary, string?> value, string what, List<string> problems)
    {
        foreach (var (source, summary) in shards.Where(s => !string.Equals(value(s.Summary), value(first.Summary), StringComparison.Ordinal)))
        {
            problems.Add($"{Name(summary)} ({source}) ran {what} '{value(summary) ?? "(none)"}', {Name(first.Summary)} ({first.Source}) ran '{value(first.Summary) ?? "(none)"}'.");
        }
    }

    private static string Name(RunSummary summary) => $"shard {summary.ShardIndex + 1}/{summary.ShardCount}";
}
