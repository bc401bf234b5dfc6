namespace PerfTests.Gates;

/// <summary>
/// One judgement of a run: a budget file, a saved baseline, a side-by-side comparison, a drill's
/// expectations. Gates judge after the run and before the exporters, never assert themselves: the
/// pipeline asserts once, listing every failed gate.
/// </summary>
public interface IGate
{
    /// <summary>Short name for reports and logs ("budget", "baseline").</summary>
    string Name { get; }

    /// <summary>Judges <paramref name="result"/>'s evidence (its <see cref="PerfResult.Gates"/> are not filled yet).</summary>
    GateResult Judge(PerfResult result);
}
