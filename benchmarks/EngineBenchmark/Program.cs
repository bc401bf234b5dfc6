using System.Globalization;
using PerfTests.EngineBenchmark;

// Engine benchmark (not a unit test): throughput side by side with wrk, then memory flatness.
// Usage: EngineBenchmark [throughput|memory|open|sampling|all] [--duration seconds] [--connections n] [--rounds n] [--rate n]
// ("all" runs throughput and memory; "open" is an extra real-time check of the open model;
// "sampling" measures the resource sampler's cost on engine throughput.)
var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var duration = TimeSpan.FromSeconds(ReadOption(args, "--duration", 10));
var connections = ReadOption(args, "--connections", 64);
var rounds = ReadOption(args, "--rounds", 3);

if (mode is "throughput" or "all")
{
    await ThroughputBenchmark.RunAsync(duration, connections, rounds).ConfigureAwait(false);
}

if (mode is "open")
{
    await OpenModelCheck.RunAsync(duration, ReadOption(args, "--rate", 5_000), connections).ConfigureAwait(false);
}

if (mode is "sampling")
{
    await SamplingOverheadBenchmark.RunAsync(duration, connections, rounds).ConfigureAwait(false);
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
