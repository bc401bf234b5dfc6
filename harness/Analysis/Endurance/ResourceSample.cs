namespace PerfTests.Analysis.Endurance;

/// <summary>One sample of a resource of the system under test (working set, GC heap, connections...).</summary>
/// <param name="At">Time since the measured part of the run began.</param>
/// <param name="Value">The sampled value; bytes for memory (the leak analysis reports MiB).</param>
public readonly record struct ResourceSample(TimeSpan At, double Value);
