using PerfTests.Load.Results;
using PerfTests.Load.Sharding;

namespace PerfTests.Sharding;

/// <summary>One shard as the merge read it: its folder, its manifest and its result.</summary>
internal sealed record MergedShard(string Folder, ShardManifest Manifest, LoadRunResult Run);
