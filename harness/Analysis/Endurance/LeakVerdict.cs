namespace PerfTests.Analysis.Endurance;

/// <summary>Outcome of the memory growth analysis.</summary>
public enum LeakVerdict
{
    /// <summary>Too few samples or too short a span to say anything: never a confident answer.</summary>
    NotEnoughData,

    /// <summary>No significant upward trend, or growth that stays under the limit over the nominal duration.</summary>
    NoLeak,

    /// <summary>A significant upward trend whose projection probably (but not confidently) exceeds the limit.</summary>
    Suspected,

    /// <summary>A significant upward trend whose projection exceeds the limit with the required confidence.</summary>
    Leak,
}
