namespace PerfTests.Analysis.Trends;

/// <summary>One observation of a series: time since the start of the run and a value.</summary>
/// <param name="TimeSeconds">Seconds since the measured part of the run began (the interval's midpoint for aggregated series).</param>
/// <param name="Value">The observed value, in the unit of the series (µs for latency, bytes for memory).</param>
/// <param name="Weight">How many samples stand behind the value (requests of an interval; 1 for a resource sample).</param>
public readonly record struct SeriesPoint(double TimeSeconds, double Value, long Weight = 1);
