using PerfTests.Budgets;

namespace PerfTests.Suites.WebVitals;

/// <summary>Several measurement sources judged by one budget (pages and the background load): the first that has a scope answers.</summary>
internal sealed class CombinedMeasurements(params IMeasurements[] sources) : IMeasurements
{
    public IScopeMeasurements? Find(string scenario, string? stepName) =>
        sources.Select(s => s.Find(scenario, stepName)).FirstOrDefault(m => m is not null);
}
