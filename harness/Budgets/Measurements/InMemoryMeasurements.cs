namespace PerfTests.Budgets;

/// <summary>An <see cref="IMeasurements"/> filled by hand: for tests and simple adapters.</summary>
public sealed class InMemoryMeasurements : IMeasurements
{
    private readonly Dictionary<(string Scenario, string Step), IScopeMeasurements> scopes = [];

    /// <summary>Adds (or replaces) one scope's measurements; returns this for chaining.</summary>
    /// <param name="scenario">Scenario name.</param>
    /// <param name="stepName">Step name, or <see langword="null"/> for the scenario itself.</param>
    /// <param name="measurements">The scope's values.</param>
    public InMemoryMeasurements Add(string scenario, string? stepName, IScopeMeasurements measurements)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(measurements);
        scopes[(scenario, stepName ?? string.Empty)] = measurements;
        return this;
    }

    /// <inheritdoc />
    public IScopeMeasurements? Find(string scenario, string? stepName) =>
        scopes.GetValueOrDefault((scenario, stepName ?? string.Empty));
}
