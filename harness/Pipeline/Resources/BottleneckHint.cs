using System.Globalization;
using PerfTests.Load.Results;
using PerfTests.Resources;

namespace PerfTests.Resources;

/// <summary>
/// Names the resources that were saturated during a run, so a latency breach comes with its likely
/// cause ("machine busy", "start-up stall", "DB connection pool exhausted", "CPU pegged", "cache hit ratio
/// dropped", "load generator saturated"). Judged over the whole sampled run, not per second of the breach.
/// Other processes' CPU comes first: when a neighbour took the cores, the rest follows from it.
/// </summary>
public static class BottleneckHint
{
    /// <summary>One line per saturated resource, most specific first; empty when nothing was saturated.</summary>
    /// <param name="resources">What the sampler recorded.</param>
    /// <param name="run">The engine's result, for the generator's own signals (dropped arrivals); optional.</param>
    /// <param name="thresholds">Saturation limits; default <see cref="SaturationThresholds"/>.</param>
    public static IReadOnlyList<string> Findings(ResourceReport resources, LoadRunResult? run = null, SaturationThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var limits = thresholds ?? new SaturationThresholds();
        var findings = new List<string>();
        if (resources.Stats("machine.foreign_cpu") is { } foreign && foreign.Mean >= limits.ForeignCpu)
        {
            findings.Add($"machine busy: other processes used {Percent(foreign.Mean)} of all cores (machine.foreign_cpu mean, peak {Percent(foreign.Peak)})");
        }

        findings.AddRange(StartupStall.Assess(run, resources));
        foreach (var name in resources.Series.Keys.Order(StringComparer.Ordinal))
        {
            if (resources.Stats(name) is not { } stats)
            {
                continue;
            }

            if (name.EndsWith("pool_usage", StringComparison.Ordinal) && stats.P95 >= limits.PoolUsage)
            {
                findings.Add($"DB connection pool exhausted: {name} p95 {Percent(stats.P95)} (peak {Percent(stats.Peak)})");
            }
            else if (name.EndsWith("hit_ratio", StringComparison.Ordinal) && !name.StartsWith("pg.", StringComparison.Ordinal)
                     && stats.Peak >= limits.CacheHitRatio && stats.Mean < limits.CacheHitRatio)
            {
                // A ratio that was never high is the workload's key mix (a load of new keys), not a bottleneck: only a drop is.
                findings.Add($"cache hit ratio dropped (cache flushed, evicting or unreachable): {name} mean {Percent(stats.Mean)} after a peak of {Percent(stats.Peak)}");
            }
            else if (name.EndsWith(".cpu", StringComparison.Ordinal) && stats.P95 >= limits.Cpu)
            {
                findings.Add($"CPU pegged: {name} p95 {Percent(stats.P95)} of all cores");
            }
            else if (name.EndsWith("threadpool_queue", StringComparison.Ordinal) && stats.P95 > limits.ThreadPoolQueue)
            {
                findings.Add($"thread pool starved: {name} p95 {stats.P95.ToString("0", CultureInfo.InvariantCulture)} queued work items");
            }
        }

        findings.AddRange(GeneratorSaturation.Assess(run, resources, limits));
        return findings;
    }

    /// <summary>The findings as one text for a failure message, or null when nothing was saturated.</summary>
    public static string? For(ResourceReport resources, LoadRunResult? run = null, SaturationThresholds? thresholds = null)
    {
        var findings = Findings(resources, run, thresholds);
        return findings.Count == 0 ? null : "saturated during the run: " + string.Join("; ", findings);
    }

    internal static string Percent(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
