using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Load;

/// <summary>
/// Expected load on the portal (seed 004 "baseline": 5 minutes), as an open model so latency is
/// measured from each request's intended start, with resources sampled throughout.
/// </summary>
[PerfSuite(PerfCategories.Load)]
public sealed class PortalLoadTests : PortalSuite
{
    /// <summary>Nightly length; the PR profile scales it (DurationScale 0.1: 30 s).</summary>
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(5);

    [Test]
    [Story("Weighted request mix at expected load stays within every endpoint's budget")]
    public Task WeightedMix_AtExpectedLoad_MeetsLoadBudget() =>
        PerfTest.Create("load")
            .Target(Portal.System)
            .Parameter("total rate", $"{PortalMix.TotalPerSecond}/s")
            .WithHttp(http => http.MaxConnectionsPerServer = 64)
            .WithResources(Portal.ResourceSources())
            .Load(http => PortalMix.Build(new PortalSteps(http), Hold))
            .RunAsync();
}
