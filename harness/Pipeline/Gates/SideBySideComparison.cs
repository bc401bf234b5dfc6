using PerfTests.Analysis.Baselines;

namespace PerfTests.Gates;

/// <summary>A side-by-side run split into its arms and compared (the <see cref="SideBySideGate"/>'s detail).</summary>
/// <param name="Baseline">The baseline arm's summary (scenario names without "@baseline").</param>
/// <param name="Candidate">The candidate arm's summary.</param>
/// <param name="Check">The request-level comparison.</param>
/// <param name="ArmFailed">Whether an arm failed too many requests.</param>
public sealed record SideBySideComparison(RunSummary Baseline, RunSummary Candidate, BaselineCheck Check, bool ArmFailed);
