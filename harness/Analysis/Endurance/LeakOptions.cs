namespace PerfTests.Analysis.Endurance;

/// <summary>Settings of the memory growth (leak) analysis.</summary>
public sealed class LeakOptions
{
    /// <summary>
    /// Duration the growth is projected over: the nominal endurance run. Default 2 h (seed 004's, budgets/SEEDS.md:
    /// endurance shape: 100 users for 2 h).
    /// </summary>
    public TimeSpan NominalDuration { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Growth over <see cref="NominalDuration"/> considered a leak, MiB. Default 100 MiB.</summary>
    public double MaxProjectedGrowthMb { get; set; } = 100;

    /// <summary>
    /// Samples are reduced to the median of each bin before fitting: it flattens the GC sawtooth and
    /// the autocorrelation of neighbouring samples, which would make the fit overconfident. Default 30 s.
    /// </summary>
    public TimeSpan BinWidth { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Fewer bins than this gives <see cref="LeakVerdict.NotEnoughData"/>. Default 10 (5 min at 30 s bins).</summary>
    public int MinBins { get; set; } = 10;

    /// <summary>Samples taken before this are ignored (start-up allocation, JIT, cache fill). Default 0.</summary>
    public TimeSpan SkipInitial { get; set; } = TimeSpan.Zero;

    /// <summary>Significance level of the Mann-Kendall trend test. Default 0.05.</summary>
    public double Alpha { get; set; } = 0.05;

    /// <summary>Probability of exceeding the limit needed for <see cref="LeakVerdict.Leak"/>. Default 0.95.</summary>
    public double LeakConfidence { get; set; } = 0.95;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(NominalDuration, TimeSpan.Zero, nameof(NominalDuration));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaxProjectedGrowthMb, 0, nameof(MaxProjectedGrowthMb));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BinWidth, TimeSpan.Zero, nameof(BinWidth));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinBins, 3, nameof(MinBins));
        if (Alpha is <= 0 or >= 1 || LeakConfidence is <= 0.5 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Alpha), "Alpha must be in (0, 1) and LeakConfidence in (0.5, 1).");
        }
    }
}
