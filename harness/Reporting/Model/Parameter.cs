namespace PerfTests.Reporting.Model;

/// <summary>
/// A named value of a test or step. <see cref="Excluded"/> parameters (seed, run id) do not take part
/// in the history id, so the same test keeps one history across runs.
/// </summary>
internal sealed class Parameter
{
    public required string Name { get; init; }

    public required string Value { get; init; }

    public bool Excluded { get; init; }

    public ParameterMode Mode { get; init; }
}
