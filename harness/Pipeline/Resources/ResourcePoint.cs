namespace PerfTests.Resources;

/// <summary>One sampled value.</summary>
/// <param name="Offset">Time since the sampler started (from its <see cref="TimeProvider"/>).</param>
/// <param name="Value">The value, in the unit its metric name says.</param>
public readonly record struct ResourcePoint(TimeSpan Offset, double Value);
