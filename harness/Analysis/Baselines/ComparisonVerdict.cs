namespace PerfTests.Analysis.Baselines;

/// <summary>Outcome of comparing a scenario with its baseline.</summary>
public enum ComparisonVerdict
{
    /// <summary>Too few intervals on either side (or the scenario is missing): no decision.</summary>
    NotEnoughData,

    /// <summary>No change that is both significant and at least the minimum effect.</summary>
    Same,

    /// <summary>Faster: significant, and the median interval p95 fell by at least the minimum effect.</summary>
    Improved,

    /// <summary>Slower: significant, and the median interval p95 rose by at least the minimum effect.</summary>
    Regressed,
}
