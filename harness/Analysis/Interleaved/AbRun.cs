using PerfTests.Analysis.Baselines;

namespace PerfTests.Analysis.Interleaved;

/// <summary>One run of an interleaved comparison, in execution order.</summary>
/// <param name="Round">Round number, from 1.</param>
/// <param name="Arm">Which build ran.</param>
/// <param name="Summary">What it measured.</param>
public sealed record AbRun(int Round, AbArm Arm, RunSummary Summary);
