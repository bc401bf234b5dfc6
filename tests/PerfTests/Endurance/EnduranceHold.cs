using System.Globalization;
using PerfTests;

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

    /// <summary>The hold of the current run.</summary>
    public static TimeSpan Current
    {
        get
        {
            var text = TestContext.Parameters.Get("EnduranceHold") ?? System.Environment.GetEnvironmentVariable("PERF_ENDURANCE_HOLD");
            if (string.IsNullOrWhiteSpace(text))
            {
                return PerfRunSettings.Current.Scale(Nightly);
            }

            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var hold) && hold > TimeSpan.Zero
                ? hold
                : throw new InvalidOperationException($"EnduranceHold is '{text}'; it must be a positive TimeSpan such as 00:01:30.");
        }
    }
}
