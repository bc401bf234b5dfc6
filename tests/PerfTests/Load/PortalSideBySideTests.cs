using System.Globalization;
using PerfTests.Analysis.Baselines;
using PerfTests.Load.Http;
using PerfTests.Load.Results;
using PerfTests;
using PerfTests.Reporting.Context;
using PerfTests.Reporting.NUnit;
using PerfTests.Exporters;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Load;

/// <summary>
/// Side-by-side A/B: the Load mix against a baseline instance and a candidate instance at the same
/// time, each at half the rate, compared with the baseline gate's rule. Machine noise (scheduling, GC,
/// a neighbour's build) hits both arms in the same seconds, so it cancels out in the comparison, where
/// two separate runs differ by tens of percent. Category AB, not Load: it would double the Load gate's cost.
/// </summary>
[TestFixture]
[Category(PerfCategories.AB)]
[Epic("Performance")]
[Feature("A/B")]
public sealed class PortalSideBySideTests
{
    /// <summary>Nightly length; the PR profile scales it (DurationScale 0.1: 30 s), like the Load suite.</summary>
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(5);

    /// <summary>Largest share of failed requests either arm may have (a failing arm's latency means little).</summary>
    private const double MaxErrorRate = 0.02;

    private static readonly string[] ArmSuffixes = [SideBySideSplit.BaselineSuffix, SideBySideSplit.CandidateSuffix];

    private SideBySideTargets? _targets;

    [OneTimeSetUp]
    public async Task StartCandidateAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _targets = await SideBySideTargets.StartAsync(LoadSuiteSetUp.Current, timeout.Token);
    }

    [OneTimeTearDown]
    public async Task StopCandidateAsync()
    {
        if (_targets is not null)
        {
            await _targets.DisposeAsync();
        }
    }

    [Test]
    [Story("Baseline and candidate under the same load in the same seconds: the candidate did not regress")]
    public async Task WeightedMix_BaselineAndCandidateSideBySide_CandidateDoesNotRegress()
    {
        var targets = _targets ?? throw new InvalidOperationException("The candidate did not start; see the OneTimeSetUp error.");
        var hold = PerfRunSettings.Current.Scale(Hold);
        AllureContext.Parameter("hold", hold);
        AllureContext.Parameter("rate per arm", $"{PortalMix.TotalPerSecond / 2}/s");
        // Excluded from the history id: the in-process candidate's port changes every run.
        AllureContext.Parameter("baseline", targets.Baseline, excluded: true);
        AllureContext.Parameter("candidate", targets.Candidate, excluded: true);
        AllureContext.Parameter("candidate settings", targets.CandidateSettingsText, excluded: true);
        TestContext.Out.WriteLine($"baseline {targets.Baseline}, candidate {targets.Candidate} (settings: {targets.CandidateSettingsText})");

        using var http = new HttpStepClient(new HttpStepOptions { MaxConnectionsPerServer = 64 });
        // A new seed every run: a fixed arrival pattern could favour one arm in every run alike.
        var seed = Random.Shared.Next(1, 1_000_000);
        AllureContext.Parameter("arrival seed", seed, excluded: true);
        var scenarios = PortalMix.BuildSideBySide(new PortalSteps(http, targets.Baseline), new PortalSteps(http, targets.Candidate), hold, seed);
        var run = await SuiteRun.RunAsync(scenarios, CancellationToken.None);
        PerfReport.Attach(run);

        var errors = ErrorFailure(run);
        var check = SideBySideComparison.Check(run, "load", errors is not null);

        // The regression first: its message starts "Regression against baseline" (the Allure category).
        var failures = new[] { check.FailureMessage, errors }.OfType<string>().ToList();
        if (failures.Count > 0)
        {
            Assert.Fail(string.Join(System.Environment.NewLine, failures));
        }
    }

    private static string? ErrorFailure(LoadRunResult run)
    {
        var arms = ArmSuffixes.Select(suffix =>
        {
            var scenarios = run.Scenarios.Where(s => s.Name.EndsWith(suffix, StringComparison.Ordinal)).ToList();
            long failed = scenarios.Sum(s => s.FailCount), finished = scenarios.Sum(s => s.RequestCount);
            return (Arm: suffix.TrimStart('@'), Failed: failed, Finished: finished, Rate: finished == 0 ? 1.0 : failed / (double)finished);
        }).ToList();
        var bad = arms.Where(a => a.Rate > MaxErrorRate).ToList();
        return bad.Count == 0 ? null : string.Join(System.Environment.NewLine, bad.Select(a => a.Finished == 0
            ? $"Errors in the {a.Arm} arm: no request finished"
            : string.Create(CultureInfo.InvariantCulture,
                $"Errors in the {a.Arm} arm: {a.Failed} of {a.Finished} requests failed ({a.Rate:0.0%}, at most {MaxErrorRate:0%} allowed)")));
    }
}
