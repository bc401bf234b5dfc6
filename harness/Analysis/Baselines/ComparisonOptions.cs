namespace PerfTests.Analysis.Baselines;

/// <summary>Decision rule of <see cref="BaselineComparer"/>: significance AND effect size must agree.</summary>
public sealed class ComparisonOptions
{
    /// <summary>Significance level of the two-sided Mann-Whitney test. Default 0.01.</summary>
    public double Alpha { get; set; } = 0.01;

    /// <summary>Smallest relative change of the median interval p95 that counts (0.10 = 10 %). Default 0.10.</summary>
    public double MinEffect { get; set; } = 0.10;

    /// <summary>Fewer intervals than this on either side gives NotEnoughData. Default 10.</summary>
    public int MinIntervals { get; set; } = 10;

    /// <summary>Bootstrap resamples for the confidence interval of the ratio of medians; 0 disables it. Default 2000.</summary>
    public int BootstrapResamples { get; set; } = 2000;

    /// <summary>Seed of the bootstrap (same data, same interval). Default 42.</summary>
    public int Seed { get; set; } = 42;

    internal void Validate()
    {
        if (Alpha is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "Alpha must be in (0, 1).");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(MinEffect, nameof(MinEffect));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinIntervals, 2, nameof(MinIntervals));
        if (BootstrapResamples is > 0 and < 100)
        {
            throw new ArgumentOutOfRangeException(nameof(BootstrapResamples), BootstrapResamples, "Use 0 (off) or at least 100.");
        }
    }
}
