namespace PerfTests.Failover.Measurement;

/// <summary>Cumulative cache counters read from the system under test at one moment.</summary>
/// <param name="At">When read (drill clock).</param>
/// <param name="Hits">Cache hits since process start.</param>
/// <param name="Lookups">Hits + misses + read errors since process start.</param>
public sealed record CacheCounterSample(DateTimeOffset At, long Hits, long Lookups);
