using HdrHistogram;

namespace PerfTests.Load.Histograms;

/// <summary>
/// The ONE histogram configuration used everywhere (values in microseconds, 1 µs to 1 hour,
/// 3 significant digits), so any two histograms of the engine can be merged with <c>Add</c>.
/// </summary>
public static class HistogramSettings
{
    /// <summary>Lowest discernible value: 1 µs.</summary>
    public const long LowestUs = 1;

    /// <summary>Highest trackable value: 1 hour in µs; larger values are clamped to it.</summary>
    public const long HighestUs = 3_600_000_000;

    /// <summary>Significant decimal digits kept (0.1 % relative precision).</summary>
    public const int SignificantDigits = 3;

    /// <summary>Creates an empty single-writer histogram with the shared configuration.</summary>
    public static LongHistogram Create() => new(LowestUs, HighestUs, SignificantDigits);

    /// <summary>Creates an empty histogram safe for concurrent writers.</summary>
    internal static LongConcurrentHistogram CreateConcurrent(long instanceId) =>
        new(instanceId, LowestUs, HighestUs, SignificantDigits);

    /// <summary>Keeps a value inside the trackable range (RecordValue throws outside it).</summary>
    internal static long Clamp(long valueUs) => valueUs < 0 ? 0 : (valueUs > HighestUs ? HighestUs : valueUs);
}
