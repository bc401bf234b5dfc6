using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Degradation;

/// <summary>
/// Seed 001: "4+ concurrent users with less than 5% degradation against a single user". Part of
/// the Load category (it is a load requirement), living with the other degradation checks.
/// </summary>
[PerfSuite(PerfCategories.Load)]
public sealed class ConcurrencyDegradationTests : PortalSuite
{
    /// <summary>Nightly length of each phase; PR (0.1): 30 s each.</summary>
    private static readonly TimeSpan Phase = TimeSpan.FromMinutes(5);

    [Test]
    [Story("Four concurrent users see less than 5% degradation of p50 and p95 against one user")]
    public Task FourUsers_VersusOneUser_DegradeLessThanFivePercent() =>
        PerfTest.Create("degradation")
            .Target(Portal.System)
            .Parameter("users", ConcurrencyDegradation.Users)
            .WithHttp(http => http.MaxConnectionsPerServer = 16)
            .Run(new ConcurrencyDegradation(Phase))
            .RunAsync();
}
