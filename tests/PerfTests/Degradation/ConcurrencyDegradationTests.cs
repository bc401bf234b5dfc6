using PerfTests;
using PerfTests.Reporting.Context;
using PerfTests.Reporting.NUnit;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Degradation;

/// <summary>
/// Seed 001: "4+ concurrent users with less than 5% degradation against a single user". Part of
/// the Load category (it is a load requirement), living with the other degradation checks.
/// </summary>
[TestFixture]
[Category(PerfCategories.Load)]
[Epic("Performance")]
[Feature("Load")]
public sealed class ConcurrencyDegradationTests
{
    /// <summary>Nightly length of each phase; PR (0.1): 30 s each.</summary>
    private static readonly TimeSpan Phase = TimeSpan.FromMinutes(5);

    [Test]
    [Story("Four concurrent users see less than 5% degradation of p50 and p95 against one user")]
    public async Task FourUsers_VersusOneUser_DegradeLessThanFivePercent()
    {
        var environment = DegradationSuiteSetUp.Current;
        var settings = PerfRunSettings.Current;
        var phase = settings.Scale(Phase);
        AllureContext.Parameter("phase", phase);
        AllureContext.Parameter("users", ConcurrencyDegradation.Users);

        var (run, p50, p95, measurements) = await AllureContext.StepAsync("1 user, then 4 users", () =>
            ConcurrencyDegradation.RunAsync(environment.BaseAddress, phase, settings.DurationScale, CancellationToken.None));

        TestContext.Out.WriteLine(run.ToString());
        TestContext.Out.WriteLine(p50.Describe());
        TestContext.Out.WriteLine(p95.Describe());
        AllureContext.Attach("degradation", p50.Describe() + System.Environment.NewLine + p95.Describe(), "text/plain", "txt");
        SuiteRun.Judge(run, measurements, "degradation");
    }
}
