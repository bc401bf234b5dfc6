namespace PerfTests.Resources;

/// <summary>When a resource counts as saturated for a bottleneck hint. All ratios are fractions 0..1.</summary>
public sealed record SaturationThresholds
{
    /// <summary>Connection-pool usage (p95 of samples) at or above which the pool is exhausted; default 0.9.</summary>
    public double PoolUsage { get; init; } = 0.9;

    /// <summary>CPU of all cores (p95 of samples) at or above which CPU is pegged; default 0.9.</summary>
    public double Cpu { get; init; } = 0.9;

    /// <summary>Other processes' CPU (machine.foreign_cpu mean, a fraction of all cores) from which the machine is named busy; default 0.25.</summary>
    public double ForeignCpu { get; init; } = 0.25;

    /// <summary>Mean cache hit ratio below which a cache that reached it at its peak has collapsed; default 0.5.</summary>
    public double CacheHitRatio { get; init; } = 0.5;

    /// <summary>Share of arrivals the engine dropped above which the generator is saturated; default 0.01 (1%).</summary>
    public double DroppedShare { get; init; } = 0.01;

    /// <summary>Pending thread-pool work items (p95) above which the process is starved of threads; default 100.</summary>
    public double ThreadPoolQueue { get; init; } = 100;
}
