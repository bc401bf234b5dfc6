using PerfTests.Load.Results;
using PerfTests;
using PerfTests.Resources;

namespace PerfTests.Resources;

/// <summary>Makes sampled resources budget metrics of a load run.</summary>
public static class LoadRunMeasurementsExtensions
{
    /// <summary>
    /// Adds every aggregate of <see cref="ResourceReport.ToMetrics"/> (<c>pg.connections.peak</c>,
    /// <c>app.cache_hit_ratio.min</c>, ...) to <paramref name="scenario"/>'s scope, judged in budgets as
    /// <c>metric(name)</c>. Resources are shared by the whole run: add them to each scenario that judges them.
    /// </summary>
    public static LoadRunMeasurements WithResources(this LoadRunMeasurements measurements, string scenario, ResourceReport resources)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        ArgumentNullException.ThrowIfNull(resources);
        foreach (var (name, value) in resources.ToMetrics())
        {
            measurements.WithMetric(scenario, name, value);
        }

        return measurements;
    }
}
