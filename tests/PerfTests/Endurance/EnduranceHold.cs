namespace PerfTests.Suites.Endurance;

/// <summary>
/// How long the endurance run holds its load. DurationScale alone cannot give both a 2 h nightly soak
/// and a 1-2 minute PR run, so the run parameter <c>EnduranceHold</c> (or <c>PERF_ENDURANCE_HOLD</c>,
/// a TimeSpan such as <c>00:01:30</c>) sets it directly; otherwise 2 h scaled by DurationScale.
/// </summary>
internal static class EnduranceHold
{
    /// <summary>Seed 004: 100 users for 2 hours.</summary>
    public static readonly TimeSpan Nightly = TimeSpan.FromHours(2);

    /// <summary>The hold of a run with <paramref name="settings"/>.</summary>
    public static TimeSpan For(PerfSettings settings) =>
        settings.CustomDuration("EnduranceHold", "PERF_ENDURANCE_HOLD") ?? settings.Scale(Nightly);
}
