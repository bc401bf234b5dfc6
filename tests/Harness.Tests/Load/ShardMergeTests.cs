using HdrHistogram;
using Microsoft.Extensions.Time.Testing;
using PerfTests;
using PerfTests.Load.Histograms;
using PerfTests.Load.Results;
using PerfTests.Load.Running;
using PerfTests.Load.Sharding;

namespace Harness.Tests.Load;

/// <summary>
/// Four shards of a run, merged, are the single run: the same requests, the same timeline second by
/// second, histograms equal to one histogram of every shard's values, steps and status codes summed.
/// </summary>
public sealed class ShardMergeTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Test]
    public async Task Merge_FourShards_EqualsTheSingleRun()
    {
        var single = await RunAsync(Shard.Whole);
        var shards = new List<LoadRunResult>();
        for (var i = 0; i < 4; i++)
        {
            shards.Add(await RunAsync(Shard.Of(i, 4)));
        }

        var merged = ShardMerge.Merge(shards);

        var m = merged["api"];
        var s = single["api"];
        var all = HistogramSettings.Create();
        foreach (var shard in shards)
        {
            all.Add(shard["api"].Latency.CopyHistogram());
        }

        Assert.Multiple(() =>
        {
            Assert.That(merged.Shard, Is.EqualTo(Shard.Whole));
            Assert.That(m.RequestCount, Is.EqualTo(s.RequestCount).And.GreaterThan(100));
            Assert.That((m.OkCount, m.FailCount, m.Bytes, m.DroppedCount), Is.EqualTo((s.OkCount, s.FailCount, s.Bytes, s.DroppedCount)));
            Assert.That(m.StatusCodes, Is.EquivalentTo(s.StatusCodes));
            Assert.That(m.Timeline.Select(p => (p.Second, p.Requests, p.Failures)), Is.EqualTo(s.Timeline.Select(p => (p.Second, p.Requests, p.Failures))), "second by second");
            Assert.That(m.Latency.Count, Is.EqualTo(all.TotalCount));
            Assert.That(new[] { m.Latency.P50.ValueUs, m.Latency.P95.ValueUs, m.Latency.P99.ValueUs, m.Latency.MaxUs }, Is.EqualTo(new double?[] { all.GetValueAtPercentile(50), all.GetValueAtPercentile(95), all.GetValueAtPercentile(99), all.GetMaxValue() }));
            Assert.That(m.Steps.Select(step => (step.Name, step.OkCount + step.FailCount)), Is.EqualTo(s.Steps.Select(step => (step.Name, step.OkCount + step.FailCount))));
            Assert.That(m.Intervals.Window(1, 100).Count, Is.EqualTo(m.Latency.Count), "the per-second histograms add up to the whole");
            Assert.That(m.Duration, Is.EqualTo(s.Duration));
        });
    }

    [Test]
    public async Task Merge_ShardStartedTwoSecondsLater_TimelineAlignedByClockTime()
    {
        var a = await RunAsync(Shard.Of(0, 2));
        var b = await RunAsync(Shard.Of(1, 2));
        var late = b with { StartedAt = b.StartedAt + TimeSpan.FromSeconds(2) };

        var merged = ShardMerge.Merge([a, late])["api"];

        Assert.Multiple(() =>
        {
            Assert.That(merged.Timeline.Select(p => p.Second), Is.EqualTo(Enumerable.Range(1, a["api"].Timeline.Count + 2)));
            Assert.That(merged.Timeline[0].Requests, Is.EqualTo(a["api"].Timeline[0].Requests), "only the first shard ran in second 1");
            Assert.That(merged.Duration, Is.EqualTo(a["api"].Duration + TimeSpan.FromSeconds(2)));
        });
    }

    [Test]
    public async Task Merge_ShardsOfOtherScenarios_Refused()
    {
        var a = await RunAsync(Shard.Of(0, 2));
        var other = a with { Scenarios = [a["api"] with { Name = "other" }], Shard = Shard.Of(1, 2) };

        var error = Assert.Throws<ArgumentException>(() => ShardMerge.Merge([a, other]))!;

        Assert.That(error.Message, Does.Contain("Shard 2/2 ran scenarios [other], shard 1/2 [api]"));
    }

    [Test]
    public async Task ShardOutput_WrittenAndRead_IsTheShardsResultAndMergesTheSame()
    {
        var shards = new List<LoadRunResult>();
        for (var i = 0; i < 3; i++)
        {
            shards.Add(await RunAsync(Shard.Of(i, 3)));
        }

        var root = Directory.CreateTempSubdirectory("shards-");
        try
        {
            var read = shards.Select((shard, i) =>
            {
                var folder = Path.Combine(root.FullName, $"shard-{i + 1}");
                ShardOutput.Write(folder, shard, new ShardLabels { Commit = "abc1234" });
                return ShardOutput.Read(folder);
            }).ToList();

            var direct = ShardMerge.Merge(shards)["api"];
            var roundTripped = ShardMerge.Merge([.. read.Select(r => r.Run)])["api"];
            Assert.Multiple(() =>
            {
                Assert.That(read.Select(r => (r.Manifest.Name, r.Manifest.Commit, r.Manifest.PlanFingerprint)), Is.EqualTo(shards.Select(s => ($"shard {s.Shard.Number}/3", (string?)"abc1234", s.PlanFingerprint))));
                Assert.That(read[1].Run.StartedAt, Is.EqualTo(shards[1].StartedAt));
                Assert.That((roundTripped.OkCount, roundTripped.FailCount, roundTripped.Bytes), Is.EqualTo((direct.OkCount, direct.FailCount, direct.Bytes)));
                Assert.That(new[] { roundTripped.Latency.P50.ValueUs, roundTripped.Latency.P99.ValueUs, roundTripped.Latency.Count }, Is.EqualTo(new[] { direct.Latency.P50.ValueUs, direct.Latency.P99.ValueUs, direct.Latency.Count }));
                Assert.That(roundTripped.FailedLatency.Count, Is.EqualTo(direct.FailedLatency.Count).And.GreaterThan(0));
                Assert.That(roundTripped.Steps.Select(s => (s.Name, s.Latency.Count, s.StatusCodes.Count)), Is.EqualTo(direct.Steps.Select(s => (s.Name, s.Latency.Count, s.StatusCodes.Count))));
                Assert.That(roundTripped.Timeline, Is.EqualTo(direct.Timeline));
                Assert.That(roundTripped.Intervals.Seconds, Is.EqualTo(direct.Intervals.Seconds));
            });
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Test]
    public void ShardOutput_FolderThatIsNotAShard_NamesTheMissingFile()
    {
        var folder = Directory.CreateTempSubdirectory("not-a-shard-");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => ShardOutput.Read(folder.FullName))!;
            File.WriteAllText(Path.Combine(folder.FullName, ShardOutput.ManifestFile), "{ not json");
            File.WriteAllText(Path.Combine(folder.FullName, ShardOutput.HistogramFile), "");
            var malformed = Assert.Throws<InvalidDataException>(() => ShardOutput.Read(folder.FullName))!;

            Assert.That(error.Message, Does.Contain("shard.json is missing"));
            Assert.That(malformed.Message, Does.Contain("shard.json is not a shard manifest"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>6 s of 10 -> 40 arrivals/s, two steps; every 7th arrival's second step fails.</summary>
    private static async Task<LoadRunResult> RunAsync(Shard shard)
    {
        var fake = new FakeTimeProvider();
        var login = Step.Create("login", _ => ValueTask.FromResult(StepResult.Ok(200, bytes: 10)));
        var order = Step.Create("order", ctx => ValueTask.FromResult(
            (ctx.IntendedStartTimestamp / TimeSpan.TicksPerMillisecond) % 7 == 0 ? StepResult.Fail("500", "boom") : StepResult.Ok(201, bytes: 100)));
        var scenario = Scenario.Create("api", login, order)
            .WithLoadSimulations(LoadSimulation.RampingRate(40, 3 * Second), LoadSimulation.ConstantRate(25, 3 * Second));
        var options = FakeClock.Options(fake);
        options.Shard = shard;
        return await FakeClock.DriveAsync(fake, LoadRunner.RunAsync(scenario, options), TimeSpan.FromMilliseconds(20));
    }
}
