namespace PerfTests.Budgets;

/// <summary>
/// What a finished run measured, as the budget evaluator sees it. The load engine (or any other
/// source) provides an adapter; the budget library never depends on the engine.
/// </summary>
public interface IMeasurements
{
    /// <summary>Finds the measurements of one scope.</summary>
    /// <param name="scenario">Scenario name as written in the budget file.</param>
    /// <param name="stepName">Step name, or <see langword="null"/> for the whole scenario.</param>
    /// <returns>The scope's measurements, or <see langword="null"/> when the run has no such scope.</returns>
    IScopeMeasurements? Find(string scenario, string? stepName);
}
