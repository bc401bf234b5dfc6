using PerfTests.Budgets;
using PerfTests.Load.Results;

namespace PerfTests;

/// <summary>One step of the arrival-rate ladder: what was offered, what came back, how the budget judged it.</summary>
/// <param name="ScenarioName">The ladder's scenario.</param>
/// <param name="OfferedPerSecond">Iterations offered per second (open model).</param>
/// <param name="Run">The engine's result of the rung.</param>
/// <param name="Report">The budget report of the rung (the ladder's own metrics left out).</param>
public sealed record StressRung(string ScenarioName, double OfferedPerSecond, LoadRunResult Run, BudgetReport Report)
{
    /// <summary>The rung's only scenario.</summary>
    public ScenarioResult Result => Run[ScenarioName];

    /// <summary>Whether every latency, error and drop budget held at this rate.</summary>
    public bool WithinBudget => !Report.Failed;

    /// <summary>Failed / finished iterations (0..1); 0 when nothing finished.</summary>
    public double ErrorRate => Result.RequestCount == 0 ? 0 : (double)Result.FailCount / Result.RequestCount;

    /// <summary>One line for the log and the report.</summary>
    public string Describe() =>
        $"{OfferedPerSecond,6:0.#}/s offered: {Result.RequestsPerSecond,7:0.0}/s done, p95 {Result.Latency.P95.ValueUs / 1000.0:0.0} ms, " +
        $"errors {ErrorRate:P1}, dropped {Result.DroppedCount}, {(WithinBudget ? "within budget" : "BROKEN: " + string.Join("; ", Report.Failures.Select(f => $"{f.Scope} {f.Metric} {f.ActualText}")))}";
}
