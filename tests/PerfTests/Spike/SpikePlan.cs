namespace PerfTests.Suites.Spike;

/// <summary>
/// Shape of a spike run: steady base load throughout, and a burst on top that multiplies the total
/// arrival rate by <see cref="Multiplier"/> for <see cref="Burst"/>.
/// </summary>
/// <param name="BasePerSecond">Steady arrivals per second (open model).</param>
/// <param name="Multiplier">Total rate during the burst as a multiple of the base (x10 in the seed).</param>
/// <param name="Before">Steady load before the burst.</param>
/// <param name="Burst">Length of the burst.</param>
/// <param name="After">Steady load after the burst, in which recovery is measured.</param>
/// <param name="RecoveredP95">Per-second p95 at or below which the system counts as recovered (the load budget's limit).</param>
/// <param name="RecoveredSeconds">Consecutive seconds the p95 must stay recovered.</param>
internal sealed record SpikePlan(
    double BasePerSecond, double Multiplier, TimeSpan Before, TimeSpan Burst, TimeSpan After,
    TimeSpan RecoveredP95, int RecoveredSeconds = 3)
{
    /// <summary>Whole run.</summary>
    public TimeSpan Total => Before + Burst + After;

    /// <summary>Arrivals per second the burst scenario adds on top of the base.</summary>
    public double BurstExtraPerSecond => BasePerSecond * (Multiplier - 1);

    /// <summary>Nightly plan (seed 004: jump to 10x for a minute, then recover); scaled for PR.</summary>
    public static SpikePlan Default(Func<TimeSpan, TimeSpan> scale) => new(
        BasePerSecond: 20, Multiplier: 10,
        Before: scale(TimeSpan.FromSeconds(60)), Burst: scale(TimeSpan.FromSeconds(60)), After: scale(TimeSpan.FromSeconds(180)),
        RecoveredP95: TimeSpan.FromMilliseconds(250));
}
