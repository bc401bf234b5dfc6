namespace PerfTests.Analysis.Endurance;

/// <summary>Settings of the latency drift analysis.</summary>
public sealed class DriftOptions
{
    /// <summary>Length of one interval of the timeline (whole seconds). Default 10 s.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Fewer intervals than this gives "not enough data" instead of a slope. Default 10.</summary>
    public int MinIntervals { get; set; } = 10;

    /// <summary>Significance level of the Mann-Kendall trend test. Default 0.05.</summary>
    public double Alpha { get; set; } = 0.05;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Interval, TimeSpan.FromSeconds(1), nameof(Interval));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinIntervals, 3, nameof(MinIntervals));
        if (Alpha is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "Alpha must be in (0, 1).");
        }
    }
}
