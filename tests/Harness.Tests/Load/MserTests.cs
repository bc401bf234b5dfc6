using PerfTests.Load.SteadyState;

namespace Harness.Tests.Load;

/// <summary>MSER-5 on synthetic per-second p95 series: a start-up transient is cut at its end, a drift never settles.</summary>
[TestFixture]
public sealed class MserTests
{
    /// <summary>Steady latency about <paramref name="level"/> ms with a little seeded noise.</summary>
    private static IEnumerable<double> Steady(int seconds, double level, int seed) =>
        Enumerable.Range(0, seconds).Select(i => level + (new Random(seed + i).NextDouble() - 0.5) * level * 0.2);

    [Test]
    public void Detect_FourSecondTransientThenSteady_CutsAtTheTransientsEnd()
    {
        // The failed CI run of the issue: the first ~4 s at 2.5-3 s, then 5-50 ms.
        double[] series = [2500, 2800, 3000, 2600, .. Steady(56, 30, 1)];

        var result = Mser.Detect(series);

        Assert.That(result.IsSteady, Is.True);
        Assert.That(result.TruncateAt, Is.InRange(4, 5), "the first batch holding the transient is cut, nothing after it");
        Assert.That(result.ToString(), Is.EqualTo("steady from 5 s"));
    }

    [Test]
    public void Detect_SteadyDrift_NeverSteady()
    {
        // p95 climbing 10 -> 100 ms over a minute: no stretch of it is steady.
        var series = Enumerable.Range(0, 60).Select(i => 10 + 1.5 * i).ToArray();

        var result = Mser.Detect(series);

        Assert.That(result.IsSteady, Is.False);
        Assert.That(result.ToString(), Is.EqualTo("never steady (60 s judged)"));
    }

    [Test]
    public void Detect_SteadyFromTheStart_CutsNothing()
    {
        var result = Mser.Detect([.. Steady(60, 20, 7)]);

        Assert.That((result.IsSteady, result.TruncateAt), Is.EqualTo((true, 0)));
    }

    [Test]
    public void Detect_HundredSeeds_NoiseIsSteadyAndTheTransientIsAlwaysCut()
    {
        // 100 seeded minutes: "never steady" on steady noise would be a false alarm; a transient left in
        // would be judged as steady load. MSER may cut a little more than the transient (it is conservative).
        var neverSteady = Enumerable.Range(0, 100).Count(seed => !Mser.Detect([.. Steady(60, 20, seed * 1000)]).IsSteady);
        var cuts = Enumerable.Range(0, 100).Select(seed => Mser.Detect([2500, 2800, 3000, 2600, .. Steady(56, 30, seed * 1000)])).ToList();
        TestContext.Out.WriteLine($"never steady: {neverSteady} of 100; transient cut at 5 s in {cuts.Count(c => c.TruncateAt == 5)} of 100, at most {cuts.Max(c => c.TruncateAt)} s");

        Assert.That(neverSteady, Is.Zero);
        Assert.That(cuts, Has.All.Matches<SteadyStateResult>(c => c!.IsSteady && c.TruncateAt >= 4));
        Assert.That(cuts.Count(c => c.TruncateAt == 5), Is.GreaterThan(50), "most often exactly at the transient's end");
    }

    [Test]
    public void DetectSettled_ShortDrift_NotSettledWherePlainDetectSaysSteady()
    {
        // 30-60 s of a drift: on so few batches every cut lies in the first half, so the offline rule
        // calls it steady; an auto warm-up must not end on it.
        var lengths = Enumerable.Range(30, 31).ToList();
        var drift = lengths.Select(n => Enumerable.Range(0, n).Select(i => 20.0 + (i * 2)).ToList()).ToList();

        Assert.That(Mser.Detect(drift[0]).IsSteady, Is.True, "the offline rule cannot see a 30 s drift");
        Assert.That(drift.Select(Mser.DetectSettled), Has.None.Matches<SteadyStateResult>(r => r!.IsSteady));
    }

    [Test]
    public void DetectSettled_HundredSeeds_TransientThenNoiseSettlesSoonAfterItsEnd()
    {
        // How long an auto warm-up waits: the first length (from 30 s, a second at a time) at which the
        // series so far has settled, for a 4 s transient followed by noisy steady latency.
        var settledAt = Enumerable.Range(0, 100).Select(seed =>
        {
            double[] series = [2500, 2800, 3000, 2600, .. Steady(116, 30, seed * 1000)];
            return Enumerable.Range(Mser.MinimumPoints, 91).FirstOrDefault(n => Mser.DetectSettled(series[..n]).IsSteady);
        }).ToList();
        TestContext.Out.WriteLine($"settled at {settledAt.Min()}-{settledAt.Max()} s, median {settledAt.Order().ElementAt(50)} s");

        Assert.That(settledAt, Is.All.InRange(35, 45), "every seed settles within 10 s of the first length that can show it");
        Assert.That(settledAt.Order().ElementAt(50), Is.LessThanOrEqualTo(40), "half of them within 40 s");
    }

    [Test]
    public void Detect_TooShort_IsNotEnoughData()
    {
        var result = Mser.Detect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

        Assert.That(result.Points, Is.Zero);
        Assert.That(result.ToString(), Is.EqualTo("not enough data"));
    }
}
