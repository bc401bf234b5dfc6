using PerfTests.Analysis.Baselines;

namespace PerfTests.Analysis.Interleaved;

/// <summary>Settings of an interleaved A/B comparison.</summary>
public sealed class InterleavedAbOptions
{
    /// <summary>Rounds; each runs the baseline once and the candidate once. Default 5.</summary>
    public int Rounds { get; set; } = 5;

    /// <summary>Order within rounds. Default <see cref="AbOrder.Alternate"/>.</summary>
    public AbOrder Order { get; set; } = AbOrder.Alternate;

    /// <summary>Decision rule applied to the pooled samples. Default: <see cref="ComparisonOptions"/> defaults.</summary>
    public ComparisonOptions Comparison { get; set; } = new();

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Rounds, 1, nameof(Rounds));
        ArgumentNullException.ThrowIfNull(Comparison, nameof(Comparison));
        Comparison.Validate();
    }
}
