namespace PerfTests.Exporters.Charts;

/// <summary>One resource chart: which metrics it holds, its axis title and how values are scaled onto it.</summary>
/// <param name="Title">Chart title and attachment name after "resources: ".</param>
/// <param name="YLabel">Left axis title with its unit.</param>
/// <param name="Scale">Factor applied to the sampled value (100 turns a 0..1 fraction into %).</param>
/// <param name="Matches">Whether a metric (<c>source.metric</c>) belongs to the chart.</param>
/// <param name="YMax">Fixed top of the y axis when the values fit (100 for %), null to fit the data.</param>
internal sealed record ResourceChartGroup(string Title, string YLabel, double Scale, Func<string, bool> Matches, double? YMax = null);

/// <summary>
/// The one place that says which resource metric goes on which chart, by the naming rules of the
/// sampler (harness/Resources/README.md): first matching group wins, in this order.
/// <list type="table">
/// <item><term>CPU</term><description><c>*.cpu</c> and <c>machine.foreign_cpu</c> (fractions of all cores) as %</description></item>
/// <item><term>machine CPU by kind</term><description><c>machine.cpu_*</c> (user, system, iowait, steal) as %</description></item>
/// <item><term>pressure stalls</term><description><c>machine.psi_*</c> (fractions of the interval) as %</description></item>
/// <item><term>load average</term><description><c>machine.load1</c> (per core)</description></item>
/// <item><term>memory</term><description><c>*_mb</c></description></item>
/// <item><term>pool usage and cache hit ratio</term><description><c>*.pool_usage</c>, <c>*hit_ratio</c> (fractions) as %</description></item>
/// <item><term>PostgreSQL connections</term><description><c>pg.connections*</c></description></item>
/// <item><term>rates</term><description><c>*_per_s</c></description></item>
/// <item><term>durations</term><description>names containing <c>_ms</c> (<c>gc_pause_ms</c>, <c>statement_mean_ms_max</c>)</description></item>
/// <item><term>thread pool</term><description><c>*.threadpool_*</c></description></item>
/// <item><term>other counts</term><description>everything else (<c>pool_in_use</c>, <c>connected_clients</c>, <c>locks_waiting</c>...)</description></item>
/// </list>
/// </summary>
internal static class ResourceChartGroups
{
    public static IReadOnlyList<ResourceChartGroup> All { get; } =
    [
        new("CPU", "CPU (% of all cores)", 100, name => Metric(name) is "cpu" or "foreign_cpu", 100),
        new("machine CPU by kind", "CPU (% of all cores)", 100, name => Metric(name).StartsWith("cpu_", StringComparison.Ordinal), 100),
        new("pressure stalls", "time some task waited (% of the interval)", 100, name => Metric(name).StartsWith("psi_", StringComparison.Ordinal), 100),
        new("load average", "1-minute load per core", 1, name => Metric(name) == "load1"),
        new("memory", "memory (MB)", 1, name => name.EndsWith("_mb", StringComparison.Ordinal)),
        new("pool usage and cache hit ratio", "usage / hit ratio (%)", 100,
            name => Metric(name) == "pool_usage" || name.EndsWith("hit_ratio", StringComparison.Ordinal), 100),
        new("PostgreSQL connections", "connections", 1, name => name.StartsWith("pg.connections", StringComparison.Ordinal)),
        new("rates", "per second (1/s)", 1, name => name.EndsWith("_per_s", StringComparison.Ordinal)),
        new("durations", "time (ms)", 1, name => Metric(name).Contains("_ms", StringComparison.Ordinal)),
        new("thread pool", "threads / queued work items", 1, name => Metric(name).StartsWith("threadpool_", StringComparison.Ordinal)),
        new("other counts", "count", 1, _ => true),
    ];

    /// <summary>The group of <paramref name="name"/>; never null (the last group takes everything).</summary>
    public static ResourceChartGroup For(string name) => All.First(g => g.Matches(name));

    // "pg.connections_active" -> "connections_active"; a name without a source is all metric.
    private static string Metric(string name) => name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..];
}
