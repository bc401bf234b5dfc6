using PerfTests.Sharding;

return ShardMergeCommand.Main(args, Console.Out);
