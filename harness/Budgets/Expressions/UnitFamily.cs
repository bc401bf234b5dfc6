namespace PerfTests.Budgets;

/// <summary>Which units a metric's limits may be written in.</summary>
internal enum UnitFamily
{
    /// <summary>ms, s, us (required); stored in milliseconds.</summary>
    Latency,

    /// <summary>% or a bare fraction 0..1; stored as a fraction.</summary>
    Ratio,

    /// <summary>/s or bare; stored per second.</summary>
    PerSecond,

    /// <summary>A bare whole number.</summary>
    Count,

    /// <summary>Anything: ms/s/us become milliseconds, % a fraction, B/KB/MB bytes (KB = 1024 B), bare stays as written.</summary>
    Any,
}
