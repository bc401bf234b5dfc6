using PerfTests.Load.Http;
using PerfTests;
using PerfTests.Reporting.Context;
using PerfTests.Reporting.NUnit;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Load;

/// <summary>
/// Expected load on the portal (seed 004 "baseline": 5 minutes), as an open model so latency is
/// measured from each request's intended start, with resources sampled throughout.
/// </summary>
[TestFixture]
[Category(PerfCategories.Load)]
[Epic("Performance")]
[Feature("Load")]
public sealed class PortalLoadTests
{
    /// <summary>Nightly length; the PR profile scales it (DurationScale 0.1: 30 s).</summary>
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(5);

    [Test]
    [Story("Weighted request mix at expected load stays within every endpoint's budget")]
    public async Task WeightedMix_AtExpectedLoad_MeetsLoadBudget()
    {
        var environment = LoadSuiteSetUp.Current;
        var hold = PerfRunSettings.Current.Scale(Hold);
        AllureContext.Parameter("hold", hold);
        AllureContext.Parameter("total rate", $"{PortalMix.TotalPerSecond}/s");

        using var http = new HttpStepClient(new HttpStepOptions { MaxConnectionsPerServer = 64 });
        var scenarios = PortalMix.Build(new PortalSteps(http, environment.BaseAddress), hold);

        var sampled = await SuiteRun.RunSampledAsync(environment, scenarios, CancellationToken.None);

        SuiteRun.Judge(sampled, "load");
    }
}
