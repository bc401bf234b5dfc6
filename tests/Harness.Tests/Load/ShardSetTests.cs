using PerfTests;
using PerfTests.Analysis.Baselines;
using PerfTests.Load.Results;
using PerfTests.Load.Sharding;

namespace Harness.Tests.Load;

/// <summary>
/// The shards' outputs must be one run before they are merged: a missing shard, a shard of another
/// commit or plan, and a shard that started too far off each end in an error naming the shard and its folder.
/// </summary>
[TestFixture]
internal sealed class ShardSetTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void Check_FourShardsOfOneRun_ReturnedInShardOrder()
    {
        var shards = Enumerable.Range(0, 4).Reverse().Select(i => Shard(i, 4)).ToList();

        var checkedSet = ShardSet.Check(shards);

        Assert.That(checkedSet.Select(s => s.Manifest.ShardIndex), Is.EqualTo(new[] { 0, 1, 2, 3 }));
    }

    [Test]
    public void Check_MissingShard_NamesItAndWhatWasThere()
    {
        var error = Assert.Throws<ShardSetException>(() => ShardSet.Check([Shard(0, 4), Shard(1, 4), Shard(3, 4)]))!;

        Assert.That(error.Message, Does.Contain("shard 3/4 is missing (got 1/4, 2/4, 4/4)"));
    }

    [Test]
    public void Check_ShardOfAnotherCommit_NamesTheShardTheFolderAndBothCommits()
    {
        var error = Assert.Throws<ShardSetException>(() => ShardSet.Check([Shard(0, 2), Shard(1, 2, commit: "0badc0de")]))!;

        Assert.That(error.Problems, Has.Count.EqualTo(1));
        Assert.That(error.Message, Does.Contain("shard 2/2 (shard-2) ran commit '0badc0de', shard 1/2 (shard-1) ran 'abc1234'"));
    }

    [Test]
    public void Check_ShardOfAnotherPlan_NamesTheShard()
    {
        var error = Assert.Throws<ShardSetException>(() => ShardSet.Check([Shard(0, 2), Shard(1, 2, plan: "ffff000011112222")]))!;

        Assert.That(error.Message, Does.Contain("shard 2/2 (shard-2) ran load plan").And.Contain("'ffff000011112222'"));
    }

    [Test]
    public void Check_ShardStartedTooLate_NamesItWithTheGapAndTheTolerance()
    {
        var error = Assert.Throws<ShardSetException>(() => ShardSet.Check([Shard(0, 3), Shard(1, 3), Shard(2, 3, late: TimeSpan.FromSeconds(95))]))!;

        Assert.That(error.Message, Does.Contain("shard 3/3 (shard-3) started 97 s after shard 1/3").And.Contain("within 60 s"));
    }

    [Test]
    public void Check_DuplicateShardOrAnotherCount_EachNamed()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ShardSetException>(() => ShardSet.Check([Shard(0, 2), Shard(0, 2)]))!.Message, Does.Contain("shard 1/2 is there 2 times: shard-1, shard-1").And.Contain("shard 2/2 is missing"));
            Assert.That(Assert.Throws<ShardSetException>(() => ShardSet.Check([Shard(0, 2), Shard(1, 3)]))!.Message, Does.Contain("shard 2/3 (shard-2) is of 3 shards, shard 1/2 (shard-1) of 2"));
            Assert.That(Assert.Throws<ShardSetException>(() => ShardSet.Check([]))!.Message, Does.Contain("no shard folders"));
        });
    }

    [Test]
    public void RunSummary_OfAShardRun_CarriesItsManifest()
    {
        var run = new LoadRunResult
        {
            StartedAt = Start,
            Duration = TimeSpan.FromSeconds(1),
            IsCancelled = false,
            Shard = PerfTests.Shard.Of(2, 4),
            PlanFingerprint = "0123456789abcdef",
            Scenarios = [],
        };

        var summary = RunSummaryFile.FromJson(RunSummaryFile.ToJson(RunSummaryFactory.Create(run, "load", label: "abc1234")));

        Assert.That((summary.ShardIndex, summary.ShardCount, summary.PlanFingerprint, summary.Label, summary.StartedAt, summary.Host),
            Is.EqualTo(((int?)2, (int?)4, "0123456789abcdef", "abc1234", Start, Environment.MachineName)));
    }

    private static (string Source, ShardManifest Manifest) Shard(int index, int count, string commit = "abc1234", string plan = "0123456789abcdef", TimeSpan late = default) =>
        ($"shard-{index + 1}", new ShardManifest
        {
            FormatVersion = ShardOutput.FormatVersion,
            Test = "Load.PortalLoadTests.Mix",
            Commit = commit,
            StartedAt = Start + late + TimeSpan.FromSeconds(index),
            ShardIndex = index,
            ShardCount = count,
            PlanFingerprint = plan,
        });
}
