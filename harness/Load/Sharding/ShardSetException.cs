namespace PerfTests.Load.Sharding;

/// <summary>Shard summaries that are not the complete shards of one run; <see cref="Problems"/> names each shard concerned.</summary>
public sealed class ShardSetException : Exception
{
    /// <summary>Creates the exception from its problems (one line each).</summary>
    public ShardSetException(IReadOnlyList<string> problems)
        : base("The shards cannot be merged as one run:" + Environment.NewLine + string.Join(Environment.NewLine, (problems ?? []).Select(p => "  - " + p)))
    {
        Problems = problems ?? [];
    }

    /// <summary>Creates the exception with a message.</summary>
    public ShardSetException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ShardSetException(string message)
        : base(message)
    {
        Problems = [message];
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ShardSetException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Every problem found, one line each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
