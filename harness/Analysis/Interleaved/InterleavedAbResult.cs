using PerfTests.Analysis.Baselines;

namespace PerfTests.Analysis.Interleaved;

/// <summary>Outcome of an interleaved A/B comparison.</summary>
/// <param name="Runs">Every run in execution order.</param>
/// <param name="PooledBaseline">All baseline runs pooled (interval samples concatenated).</param>
/// <param name="PooledCandidate">All candidate runs pooled.</param>
/// <param name="Comparison">The decision on the pooled samples.</param>
public sealed record InterleavedAbResult(
    IReadOnlyList<AbRun> Runs, RunSummary PooledBaseline, RunSummary PooledCandidate, ComparisonReport Comparison);
