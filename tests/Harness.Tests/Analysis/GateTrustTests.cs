using PerfTests.Analysis.Baselines;
using PerfTests.Analysis.Interleaved;

namespace Harness.Tests.Analysis;

/// <summary>
/// Can the baseline gate be trusted? Simulated runs with realistic noise: interval p95s log-normal
/// (10 % per interval), each run offset as a whole by a log-normal 2 % (a shared CI runner), and in
/// interleaved mode a further 3 % per round that hits both builds of the round alike.
/// Seeds are fixed: the numbers printed are the ones the report quotes.
/// </summary>
public class GateTrustTests
{
    private const int Intervals = 30;       // a 5 minute run at 10 s intervals
    private const double MedianUs = 50_000;
    private const double RunOffsetSigma = 0.02;
    private const double RoundOffsetSigma = 0.03;
    private static readonly ComparisonOptions Fast = new() { BootstrapResamples = 0 };

    [Test]
    public void SingleRuns_TwentySameCodePairs_NoFalseRegression()
    {
        var regressions = Enumerable.Range(0, 20).Count(i => SingleRunVerdict(new Random(1000 + i), 1.0, null) == ComparisonVerdict.Regressed);

        TestContext.Out.WriteLine($"single runs, same code: {regressions}/20 false regressions");
        Assert.That(regressions, Is.Zero);
    }

    [Test]
    public void SingleRuns_ThousandPairs_FewFalseRegressionsButSomeMissedSlowdowns()
    {
        // The honest limit of one run against one baseline: a 2 % run-to-run offset on each side is
        // noise of the same order as the margin between the 10 % threshold and a 15 % regression.
        int falseRegressions = 0, caught = 0, caughtOfFirst20 = 0;
        for (var i = 0; i < 1000; i++)
        {
            falseRegressions += SingleRunVerdict(new Random(2000 + i), 1.0, Fast) == ComparisonVerdict.Regressed ? 1 : 0;
            var hit = SingleRunVerdict(new Random(3000 + i), 1.15, Fast) == ComparisonVerdict.Regressed ? 1 : 0;
            caught += hit;
            caughtOfFirst20 += i < 20 ? hit : 0;
        }

        TestContext.Out.WriteLine($"single runs, 15% slower: {caughtOfFirst20}/20 caught in the first 20 pairs");

        TestContext.Out.WriteLine($"single runs over 1000 pairs: {falseRegressions} false regressions, {caught} of 15% slowdowns caught");
        Assert.Multiple(() =>
        {
            Assert.That(falseRegressions, Is.LessThanOrEqualTo(20));
            Assert.That(caught, Is.GreaterThanOrEqualTo(800));
        });
    }

    [Test]
    public async Task Interleaved_TwentySameCodeComparisons_NoFalseRegression()
    {
        var regressions = 0;
        for (var i = 0; i < 20; i++)
        {
            regressions += await InterleavedVerdict(new Random(4000 + i), 1.0, new ComparisonOptions()) == ComparisonVerdict.Regressed ? 1 : 0;
        }

        TestContext.Out.WriteLine($"interleaved 5 rounds, same code: {regressions}/20 false regressions");
        Assert.That(regressions, Is.Zero);
    }

    [Test]
    public async Task Interleaved_TwentyComparisonsWithFifteenPercentSlowdown_AllCaught()
    {
        var caught = 0;
        for (var i = 0; i < 20; i++)
        {
            caught += await InterleavedVerdict(new Random(5000 + i), 1.15, new ComparisonOptions()) == ComparisonVerdict.Regressed ? 1 : 0;
        }

        TestContext.Out.WriteLine($"interleaved 5 rounds, 15% slower: {caught}/20 caught");
        Assert.That(caught, Is.EqualTo(20));
    }

    [Test]
    public async Task Interleaved_FiveHundredComparisons_NoFalseRegressionAndAtLeast97PercentCaught()
    {
        int falseRegressions = 0, caught = 0;
        for (var i = 0; i < 500; i++)
        {
            falseRegressions += await InterleavedVerdict(new Random(6000 + i), 1.0, Fast) == ComparisonVerdict.Regressed ? 1 : 0;
            caught += await InterleavedVerdict(new Random(7000 + i), 1.15, Fast) == ComparisonVerdict.Regressed ? 1 : 0;
        }

        TestContext.Out.WriteLine($"interleaved 5 rounds over 500 comparisons: {falseRegressions} false regressions, {caught} of 15% slowdowns caught");
        Assert.Multiple(() =>
        {
            Assert.That(falseRegressions, Is.LessThanOrEqualTo(2));
            Assert.That(caught, Is.GreaterThanOrEqualTo(485));
        });
    }

    private static ComparisonVerdict SingleRunVerdict(Random random, double slowdown, ComparisonOptions? options)
    {
        var baseline = Summaries.Intervals(random, Intervals, MedianUs, RunOffsetSigma);
        var candidate = Summaries.Intervals(random, Intervals, MedianUs * slowdown, RunOffsetSigma);
        return BaselineComparer.CompareSamples("browse", baseline, candidate, options).Verdict;
    }

    private static async Task<ComparisonVerdict> InterleavedVerdict(Random random, double slowdown, ComparisonOptions options)
    {
        // The round's machine state (e.g. a noisy neighbour) is drawn when its first run starts.
        var roundOffset = 0.0;
        var runsInRound = 0;
        double RoundOffset()
        {
            if (runsInRound++ % 2 == 0)
            {
                roundOffset = RoundOffsetSigma * Synthetic.Gaussian(random);
            }

            return roundOffset;
        }

        var result = await InterleavedAb.RunAsync(
            _ => Task.FromResult(Summaries.Of(Summaries.Intervals(random, Intervals, MedianUs, RunOffsetSigma, RoundOffset()))),
            _ => Task.FromResult(Summaries.Of(Summaries.Intervals(random, Intervals, MedianUs * slowdown, RunOffsetSigma, RoundOffset()))),
            new InterleavedAbOptions { Rounds = 5, Comparison = options });
        return result.Comparison["browse"].Verdict;
    }
}
