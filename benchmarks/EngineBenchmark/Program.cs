using System.Globalization;
using PerfTests.EngineBenchmark;

// Engine benchmark (not a unit test): throughput side by side with wrk, then memory flatness.
// Usage: EngineBenchmark [throughput|memory|all] [--duration seconds] [--connections n] [--rounds n]
var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var duration = TimeSpan.FromSeconds(ReadOption(args, "--duration", 10));
var connections = ReadOption(args, "--connections", 64);
var rounds = ReadOption(args, "--rounds", 3);

if (mode is "throughput" or "all")
{
    await ThroughputBenchmark.RunAsync(duration, connections, rounds).ConfigureAwait(false);
}

if (mode is "memory" or "all")
{
    await MemoryBenchmark.RunAsync().ConfigureAwait(false);
}

static int ReadOption(string[] args, string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
