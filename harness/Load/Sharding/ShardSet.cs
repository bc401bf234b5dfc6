using System.Globalization;

namespace PerfTests.Load.Sharding;

/// <summary>
/// The shard outputs of a sharded run (their <see cref="ShardManifest"/>), checked to belong to one run before they are merged: every shard of
/// the count present once, the same suite, commit (label) and load plan, and start times within a
/// tolerance of each other. Anything else is a clear error naming the shard and where it was read from,
/// never a merge of two runs that would be judged as one.
/// </summary>
public static class ShardSet
{
    /// <summary>Default start-time tolerance: shards scheduled together start within a minute.</summary>
    public static readonly TimeSpan DefaultStartTolerance = TimeSpan.FromMinutes(1);

    /// <summary>Checks <paramref name="shards"/>' manifests (each with the folder it came from); returns them ordered by shard index.</summary>
    /// <exception cref="ShardSetException">They are not the complete shards of one run; the message names each problem's shard.</exception>
    public static IReadOnlyList<(string Source, ShardManifest Manifest)> Check(
        IReadOnlyList<(string Source, ShardManifest Manifest)> shards, TimeSpan? startTolerance = null)
    {
        ArgumentNullException.ThrowIfNull(shards);
        var tolerance = startTolerance ?? DefaultStartTolerance;
        var problems = new List<string>();
        if (shards.Count == 0)
        {
            throw new ShardSetException(["no shard folders were given."]);
        }

        var first = shards.OrderBy(s => s.Manifest.ShardIndex).First();
        var count = first.Manifest.ShardCount;
        foreach (var (source, manifest) in shards.Where(s => s.Manifest.ShardCount != count))
        {
            problems.Add($"{Name(manifest)} ({source}) is of {manifest.ShardCount} shards, {Name(first.Manifest)} ({first.Source}) of {count}.");
        }

        foreach (var group in shards.GroupBy(s => s.Manifest.ShardIndex).Where(g => g.Count() > 1))
        {
            problems.Add($"shard {group.Key + 1}/{count} is there {group.Count()} times: {string.Join(", ", group.Select(g => g.Source))}.");
        }

        var present = shards.Select(s => s.Manifest.ShardIndex).ToHashSet();
        foreach (var missing in Enumerable.Range(0, count).Where(i => !present.Contains(i)))
        {
            problems.Add($"shard {missing + 1}/{count} is missing (got {string.Join(", ", present.Order().Select(i => $"{i + 1}/{count}"))}): its job failed, or its output was not downloaded.");
        }

        Same(shards, first, s => s.Test, "test", problems);
        Same(shards, first, s => s.Commit, "commit", problems);
        Same(shards, first, s => s.PlanFingerprint, "load plan (scenarios, stages, warm-up, seed, duration scale)", problems);
        foreach (var (source, manifest) in shards)
        {
            var apart = manifest.StartedAt - first.Manifest.StartedAt;
            if (apart.Duration() > tolerance)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{Name(manifest)} ({source}) started {Math.Abs(apart.TotalSeconds):0} s {(apart > TimeSpan.Zero ? "after" : "before")} {Name(first.Manifest)} ({manifest.StartedAt:u} vs {first.Manifest.StartedAt:u}); shards of one run start within {tolerance.TotalSeconds:0} s, so the merged load would not be the planned one."));
            }
        }

        return problems.Count > 0 ? throw new ShardSetException(problems) : [.. shards.OrderBy(s => s.Manifest.ShardIndex)];
    }

    private static void Same(
        IReadOnlyList<(string Source, ShardManifest Manifest)> shards, (string Source, ShardManifest Manifest) first, Func<ShardManifest, string?> value, string what, List<string> problems)
    {
        foreach (var (source, manifest) in shards.Where(s => !string.Equals(value(s.Manifest), value(first.Manifest), StringComparison.Ordinal)))
        {
            problems.Add($"{Name(manifest)} ({source}) ran {what} '{value(manifest) ?? "(none)"}', {Name(first.Manifest)} ({first.Source}) ran '{value(first.Manifest) ?? "(none)"}'.");
        }
    }

    private static string Name(ShardManifest manifest) => manifest.Name;
}
