using System.Collections.Concurrent;
using HdrHistogram;
using Microsoft.Extensions.Time.Testing;
using PerfTests;
using PerfTests.Load.Histograms;
using PerfTests.Load.Running;
using PerfTests.Load.Sharding;

namespace Harness.Tests.Load;

/// <summary>
/// A run split into shards: the shards' arrivals together are exactly the single-machine schedule
/// (interleaved through ramps and random rates, on a fake clock), virtual users add up at every level,
/// and each process knows its shard to partition data.
/// </summary>
public sealed class ShardTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public async Task RunAsync_Shards_UnionOfArrivalsIsTheSingleRunSchedule(int count)
    {
        // Given a schedule with a ramp, a fractional hold, a random rate and a warm-up.
        var single = await IntendedArrivalsAsync(Shard.Whole);
        var shards = new List<long[]>();
        for (var i = 0; i < count; i++)
        {
            shards.Add(await IntendedArrivalsAsync(Shard.Of(i, count)));
        }

        var union = shards.SelectMany(s => s).Order().ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(single, Has.Length.GreaterThan(100));
            Assert.That(union, Is.EqualTo(single), "every arrival of the single run, each in exactly one shard, at the same instant");
            Assert.That(shards.Select(s => s.Length).Max() - shards.Select(s => s.Length).Min(), Is.LessThanOrEqualTo(1), "shares differ by one arrival at most");
            Assert.That(shards[0].Take(3), Is.EqualTo(single.Where((_, k) => k % count == 0).Take(3)), "interleaved: shard 1 sends arrivals 0, n, 2n");
        });
    }

    [Test]
    public async Task RunAsync_ClosedModelShard_RunsItsShareOfTheVirtualUsers()
    {
        // 10 virtual users over 4 shards: 3, 3, 2, 2.
        var workers = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            var fake = new FakeTimeProvider();
            var seen = new ConcurrentDictionary<int, bool>();
            var step = Step.Create("s", async ctx =>
            {
                seen[ctx.WorkerId] = true;
                await Task.Delay(TimeSpan.FromMilliseconds(100), fake).ConfigureAwait(false);
                return StepResult.Ok();
            });
            var scenario = Scenario.Create("vus", step).WithLoadSimulations(LoadSimulation.ConstantConcurrency(10, 2 * Second));
            var options = FakeClock.Options(fake);
            options.Shard = Shard.Of(i, 4);
            await FakeClock.DriveAsync(fake, LoadRunner.RunAsync(scenario, options), TimeSpan.FromMilliseconds(50));
            workers.Add(seen.Count);
        }

        Assert.That(workers, Is.EqualTo(new[] { 3, 3, 2, 2 }));
    }

    [Test]
    public void ShareOf_EveryTotalAndCount_SharesAddUpAndTheRemainderGoesFirst()
    {
        foreach (var count in Enumerable.Range(1, 16))
        {
            foreach (var total in Enumerable.Range(0, 200))
            {
                var shares = Enumerable.Range(0, count).Select(i => Shard.Of(i, count).ShareOf(total)).ToList();
                Assert.That(shares.Sum(), Is.EqualTo(total), $"{total} over {count}");
                Assert.That(shares, Is.Ordered.Descending);
                Assert.That(shares[0] - shares[^1], Is.LessThanOrEqualTo(1));
            }
        }
    }

    [Test]
    public void Owns_EveryItemBelongsToExactlyOneShard()
    {
        var shards = Enumerable.Range(0, 5).Select(i => Shard.Of(i, 5)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(Enumerable.Range(0, 1000).All(item => shards.Count(s => s.Owns(item)) == 1), Is.True);
            Assert.That(shards[3].FirstOwnedFrom(10), Is.EqualTo(13));
            Assert.That(shards[3].FirstOwnedFrom(13), Is.EqualTo(13));
            Assert.That(shards[0].FirstOwnedFrom(11), Is.EqualTo(15));
        });
    }

    [TestCase("2/8", 1, 8)]
    [TestCase(" 1 / 1 ", 0, 1)]
    [TestCase("8/8", 7, 8)]
    public void TryParse_NumberOfCount_IsOneBased(string text, int index, int count) =>
        Assert.That(Shard.TryParse(text), Is.EqualTo(Shard.Of(index, count)));

    [TestCase("0/8")]
    [TestCase("9/8")]
    [TestCase("2")]
    [TestCase("2/8/1")]
    [TestCase("-1/8")]
    [TestCase("1/0")]
    [TestCase("1/1025")]
    [TestCase("x/8")]
    [TestCase("")]
    public void TryParse_Malformed_IsNull(string text) => Assert.That(Shard.TryParse(text), Is.Null);

    [Test]
    public async Task ScenarioContext_KnowsItsShard_ToPartitionIds()
    {
        var fake = new FakeTimeProvider();
        var ids = new ConcurrentBag<string>();
        var step = Step.Create("create", ctx =>
        {
            ids.Add($"{ctx.Scenario.Shard.Number}-{ctx.WorkerId}-{ctx.InvocationNumber}");
            return ValueTask.FromResult(StepResult.Ok());
        });
        var options = FakeClock.Options(fake);
        options.Shard = Shard.TryParse("3/4")!;

        await FakeClock.DriveAsync(fake, LoadRunner.RunAsync(Scenario.Create("ids", step).WithLoadSimulations(LoadSimulation.ConstantRate(8, Second)), options), TimeSpan.FromMilliseconds(50));

        Assert.That(ids, Has.Count.EqualTo(2).And.All.StartsWith("3-"));
    }

    [Test]
    public void HistogramLog_ShardsWrittenReadAndAdded_EqualOneHistogramOfEveryValue()
    {
        // The shard output format (HdrHistogram logs) merged: exact, not approximate, because every
        // histogram has the one configuration of HistogramSettings.
        var random = new Random(7);
        var all = HistogramSettings.Create();
        var shards = Enumerable.Range(0, 4).Select(_ => HistogramSettings.Create()).ToArray();
        for (var i = 0; i < 200_000; i++)
        {
            // Log-normal-ish latencies from 50 µs to minutes, the tail included.
            var us = (long)Math.Min(HistogramSettings.HighestUs, 50 * Math.Exp(random.NextDouble() * 14));
            all.RecordValue(us);
            shards[random.Next(4)].RecordValue(us);
        }

        var merged = HistogramSettings.Create();
        foreach (var shard in shards)
        {
            using var log = new MemoryStream();
            HistogramLog.Write(log, DateTimeOffset.UnixEpoch, shard);
            merged.Add(HistogramLog.Read(new MemoryStream(log.ToArray())).Single());
        }

        double[] percentiles = [.. Enumerable.Range(1, 99).Select(p => (double)p), 99.9, 99.99, 100];
        Assert.Multiple(() =>
        {
            Assert.That(merged.TotalCount, Is.EqualTo(all.TotalCount));
            Assert.That(percentiles.Select(merged.GetValueAtPercentile), Is.EqualTo(percentiles.Select(all.GetValueAtPercentile)));
            Assert.That((merged.GetMaxValue(), merged.GetMean()), Is.EqualTo((all.GetMaxValue(), all.GetMean())));
        });
    }

    [Test]
    public void PlanFingerprint_SamePlanSameHash_AnotherScaleOrSeedAnother()
    {
        var scenario = Scenario.Create("mix", Step.Create("s", _ => ValueTask.FromResult(StepResult.Ok())))
            .WithWarmUp(Second)
            .WithLoadSimulations(LoadSimulation.RampingRate(30, 2 * Second), LoadSimulation.ConstantRate(12.5, 2 * Second));

        var hash = PlanFingerprint.Of([scenario]);

        Assert.Multiple(() =>
        {
            Assert.That(PlanFingerprint.Of([scenario with { }]), Is.EqualTo(hash));
            Assert.That(hash, Does.Match("^[0-9a-f]{16}$"));
            Assert.That(PlanFingerprint.Of([scenario.ScaleStages(0.1)]), Is.Not.EqualTo(hash), "a PR-profile shard is not a nightly one");
            Assert.That(PlanFingerprint.Of([scenario.WithSeed(7)]), Is.Not.EqualTo(hash));
        });
    }

    /// <summary>When each arrival of <paramref name="shard"/>'s share was intended, in fake-clock ticks from the run's start.</summary>
    private static async Task<long[]> IntendedArrivalsAsync(Shard shard)
    {
        var fake = new FakeTimeProvider();
        var start = fake.GetTimestamp();
        var intended = new ConcurrentBag<long>();
        var step = Step.Create("s", ctx =>
        {
            intended.Add(ctx.IntendedStartTimestamp - start);
            return ValueTask.FromResult(StepResult.Ok());
        });
        var scenario = Scenario.Create("mix", step)
            .WithWarmUp(Second)
            .WithLoadSimulations(
                LoadSimulation.RampingRate(30, 2 * Second),
                LoadSimulation.ConstantRate(12.5, 2 * Second),
                LoadSimulation.RandomRate(5, 40, Second, 3 * Second));
        var options = FakeClock.Options(fake);
        options.Shard = shard;
        await FakeClock.DriveAsync(fake, LoadRunner.RunAsync(scenario, options), TimeSpan.FromMilliseconds(20));
        return [.. intended.Order()];
    }
}
