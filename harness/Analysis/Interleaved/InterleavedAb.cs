using PerfTests.Analysis.Baselines;

namespace PerfTests.Analysis.Interleaved;

/// <summary>
/// Runs a baseline build and a candidate build alternately on the same machine and compares the
/// pooled interval samples. A noisy neighbour or a slow minute then hits both builds alike, and
/// the per-run offset of a shared CI runner averages out over the rounds instead of deciding
/// the verdict.
/// </summary>
public static class InterleavedAb
{
    /// <summary>Runs <see cref="InterleavedAbOptions.Rounds"/> rounds and compares the pooled runs.</summary>
    /// <param name="baseline">Runs the baseline build once and summarises it.</param>
    /// <param name="candidate">Runs the candidate build once and summarises it.</param>
    /// <param name="options">Rounds, order, decision rule; defaults when null.</param>
    /// <param name="cancellationToken">Stops between runs (and is passed to each run).</param>
    public static async Task<InterleavedAbResult> RunAsync(
        Func<CancellationToken, Task<RunSummary>> baseline,
        Func<CancellationToken, Task<RunSummary>> candidate,
        InterleavedAbOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        options ??= new InterleavedAbOptions();
        options.Validate();

        var runs = new List<AbRun>(options.Rounds * 2);
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var arm in ArmsOf(round, options.Order))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var run = arm == AbArm.Baseline ? baseline : candidate;
                var summary = await run(cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"The {arm} run of round {round} returned no summary.");
                runs.Add(new AbRun(round, arm, summary));
            }
        }

        var pooledA = RunSummaryPool.Pool([.. runs.Where(r => r.Arm == AbArm.Baseline).Select(r => r.Summary)], "baseline (pooled)");
        var pooledB = RunSummaryPool.Pool([.. runs.Where(r => r.Arm == AbArm.Candidate).Select(r => r.Summary)], "candidate (pooled)");
        return new InterleavedAbResult(runs, pooledA, pooledB, BaselineComparer.Compare(pooledA, pooledB, options.Comparison));
    }

    /// <summary>The arms of one round, in order.</summary>
    internal static AbArm[] ArmsOf(int round, AbOrder order) =>
        order == AbOrder.Balanced && round % 2 == 0
            ? [AbArm.Candidate, AbArm.Baseline]
            : [AbArm.Baseline, AbArm.Candidate];
}
