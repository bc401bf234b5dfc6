namespace PerfTests.Load.SteadyState;

/// <summary>Where a per-second series becomes steady, by MSER-5 (<see cref="Mser"/>).</summary>
/// <param name="IsSteady">False when the best truncation falls in the second half of the series: it never settled (a drift, or a run too short).</param>
/// <param name="TruncateAt">Points (seconds) to drop from the start; for a series that never settled, where the minimum fell.</param>
/// <param name="Points">Points judged.</param>
public sealed record SteadyStateResult(bool IsSteady, int TruncateAt, int Points)
{
    /// <summary>One line for reports, e.g. <c>steady from 5 s</c> or <c>never steady</c>.</summary>
    public override string ToString() => Points == 0
        ? "not enough data"
        : IsSteady ? (TruncateAt == 0 ? "steady from the start" : $"steady from {TruncateAt} s") : $"never steady ({Points} s judged)";
}
