using PerfTests.Analysis.Baselines;
using PerfTests.Analysis.Interleaved;

namespace Harness.Tests.Analysis;

public class InterleavedAbTests
{
    private static (Func<CancellationToken, Task<RunSummary>> A, Func<CancellationToken, Task<RunSummary>> B, List<string> Log) Fakes(
        Func<int, IReadOnlyList<double>>? a = null, Func<int, IReadOnlyList<double>>? b = null)
    {
        var log = new List<string>();
        int countA = 0, countB = 0;
        return (
            _ => { countA++; log.Add($"A{countA}"); return Task.FromResult(Summaries.Of(a?.Invoke(countA) ?? [.. Enumerable.Repeat(1000.0 * countA, 10)])); },
            _ => { countB++; log.Add($"B{countB}"); return Task.FromResult(Summaries.Of(b?.Invoke(countB) ?? [.. Enumerable.Repeat(-1000.0 * countB, 10)])); },
            log);
    }

    [Test]
    public async Task RunAsync_Alternate_RunsABABInRounds()
    {
        var (a, b, log) = Fakes();

        var result = await InterleavedAb.RunAsync(a, b, new InterleavedAbOptions { Rounds = 3 });

        Assert.Multiple(() =>
        {
            Assert.That(log, Is.EqualTo(new[] { "A1", "B1", "A2", "B2", "A3", "B3" }));
            Assert.That(result.Runs.Select(r => (r.Round, r.Arm)), Is.EqualTo(new[]
            {
                (1, AbArm.Baseline), (1, AbArm.Candidate), (2, AbArm.Baseline), (2, AbArm.Candidate), (3, AbArm.Baseline), (3, AbArm.Candidate),
            }));
        });
    }

    [Test]
    public async Task RunAsync_Balanced_AlternatesWhichBuildGoesFirst()
    {
        var (a, b, log) = Fakes();

        await InterleavedAb.RunAsync(a, b, new InterleavedAbOptions { Rounds = 4, Order = AbOrder.Balanced });

        Assert.That(log, Is.EqualTo(new[] { "A1", "B1", "B2", "A2", "A3", "B3", "B4", "A4" }));
    }

    [Test]
    public async Task RunAsync_ThreeRounds_PoolsEachArmsIntervalsWithoutMixingThem()
    {
        // Baseline values are positive, candidate values negative: any mixing would show.
        var (a, b, _) = Fakes();

        var result = await InterleavedAb.RunAsync(a, b, new InterleavedAbOptions { Rounds = 3 });
        var pooledA = result.PooledBaseline.Scenarios.Single();
        var pooledB = result.PooledCandidate.Scenarios.Single();

        Assert.Multiple(() =>
        {
            Assert.That(pooledA.IntervalP95Us, Is.EqualTo(Enumerable.Repeat(1000.0, 10).Concat(Enumerable.Repeat(2000.0, 10)).Concat(Enumerable.Repeat(3000.0, 10))));
            Assert.That(pooledB.IntervalP95Us, Has.Count.EqualTo(30).And.All.LessThan(0));
            Assert.That(pooledA.RequestCount, Is.EqualTo(30_000));
            Assert.That(result.Comparison["browse"].BaselineIntervals, Is.EqualTo(30));
        });
    }

    [Test]
    public async Task RunAsync_CandidateFifteenPercentSlower_ComparisonIsRegressed()
    {
        var random = new Random(5);
        var (a, b, _) = Fakes(_ => Summaries.Intervals(random, 30, 50_000, 0.02), _ => Summaries.Intervals(random, 30, 57_500, 0.02));

        var result = await InterleavedAb.RunAsync(a, b);

        Assert.That(result.Comparison["browse"].Verdict, Is.EqualTo(ComparisonVerdict.Regressed), result.Comparison.ToString());
    }

    [Test]
    public void RunAsync_CancelledAfterTheFirstRun_StopsBeforeTheNext()
    {
        using var cts = new CancellationTokenSource();
        var (a, b, log) = Fakes();
        Func<CancellationToken, Task<RunSummary>> cancellingA = async ct =>
        {
            var summary = await a(ct);
            await cts.CancelAsync();
            return summary;
        };

        Assert.That(async () => await InterleavedAb.RunAsync(cancellingA, b, null, cts.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(log, Is.EqualTo(new[] { "A1" }));
    }

    [Test]
    public void RunAsync_ZeroRounds_IsRejected()
    {
        var (a, b, _) = Fakes();

        Assert.That(async () => await InterleavedAb.RunAsync(a, b, new InterleavedAbOptions { Rounds = 0 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
