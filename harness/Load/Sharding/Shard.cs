using System.Globalization;

namespace PerfTests;

/// <summary>
/// One shard of a run spread over machines: shard <see cref="Number"/> of <see cref="Count"/> runs its
/// share of every scenario, so that all shards together run the single-machine load (k6's execution
/// segments). Open model: shard i sends global arrivals i, i + n, i + 2n... (interleaved, so the
/// union of the shards' arrivals is the single-run schedule, at every rate and through every ramp).
/// Closed model: of L virtual users, shard i (0-based) runs floor((L + n - 1 - i) / n): the shares add
/// up to L at every level, and the remainder goes to the first shards, the same on every machine.
/// </summary>
public sealed record Shard
{
    private Shard(int index, int count)
    {
        Index = index;
        Count = count;
    }

    /// <summary>The whole run on one machine (1/1).</summary>
    public static Shard Whole { get; } = new(0, 1);

    /// <summary>Zero-based index (a Kubernetes Indexed Job's JOB_COMPLETION_INDEX).</summary>
    public int Index { get; }

    /// <summary>One-based number, as written in <c>PERF_SHARD=2/8</c>.</summary>
    public int Number => Index + 1;

    /// <summary>How many shards the run has.</summary>
    public int Count { get; }

    /// <summary>True for a run on one machine.</summary>
    public bool IsSingle => Count == 1;

    /// <summary>Shard at zero-based <paramref name="index"/> of <paramref name="count"/> (1 to 1024 shards).</summary>
    public static Shard Of(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        return new Shard(index, count);
    }

    /// <summary>The most shards a run may have.</summary>
    public const int MaxCount = 1024;

    /// <summary>Parses <c>number/count</c> (one-based, e.g. <c>2/8</c>); null when malformed or out of range.</summary>
    public static Shard? TryParse(string? text)
    {
        var parts = (text ?? "").Split('/', StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count is >= 1 and <= MaxCount && number >= 1 && number <= count
                ? new Shard(number - 1, count)
                : null;
    }

    /// <summary>This shard's share of <paramref name="total"/> (virtual users, workers): the shares of all shards add up to it.</summary>
    public int ShareOf(int total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        return (int)(((long)total + Count - 1 - Index) / Count);
    }

    /// <summary>True when global item <paramref name="item"/> (an arrival, a feed row, an id) is this shard's: item mod count = index.</summary>
    public bool Owns(long item) => ((item % Count) + Count) % Count == Index;

    /// <summary>The first item at or after <paramref name="item"/> that is this shard's.</summary>
    public long FirstOwnedFrom(long item)
    {
        var offset = (((Index - item) % Count) + Count) % Count;
        return item + offset;
    }

    /// <summary><c>number/count</c>, e.g. <c>2/8</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Number}/{Count}");
}
