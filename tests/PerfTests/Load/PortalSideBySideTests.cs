using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Load;

/// <summary>
/// Side-by-side A/B: the Load mix against a baseline instance and a candidate instance at the same
/// time, each at half the rate, compared with the baseline gate's rule. Machine noise (scheduling, GC,
/// a neighbour's build) hits both arms in the same seconds, so it cancels out in the comparison, where
/// two separate runs differ by tens of percent. Category AB, not Load: it would double the Load gate's cost.
/// </summary>
[PerfSuite(PerfCategories.AB, Feature = "A/B")]
public sealed class PortalSideBySideTests : PortalSuite
{
    /// <summary>Nightly length; the PR profile scales it (DurationScale 0.1: 30 s), like the Load suite.</summary>
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(5);

    private SideBySideTargets? _targets;

    [OneTimeSetUp]
    public async Task StartCandidateAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _targets = await SideBySideTargets.StartAsync(Portal, PerfSettings.Current, timeout.Token);
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
    public Task WeightedMix_BaselineAndCandidateSideBySide_CandidateDoesNotRegress()
    {
        var targets = _targets ?? throw new InvalidOperationException("The candidate did not start; see the OneTimeSetUp error.");
        // A new seed every run: a fixed arrival pattern could favour one arm in every run alike.
        var seed = Random.Shared.Next(1, 1_000_000);
        return PerfTest.Create("load")
            .WithoutBudget()
            .SideBySide()
            .Target(Portal.System)
            .Parameter("rate per arm", $"{PortalMix.TotalPerSecond / 2}/s")
            // Excluded from the history id: ports and seeds change every run.
            .Parameter("baseline", targets.Baseline, excluded: true)
            .Parameter("candidate", targets.Candidate, excluded: true)
            .Parameter("candidate settings", targets.CandidateSettingsText, excluded: true)
            .Parameter("arrival seed", seed, excluded: true)
            .WithHttp(http => http.MaxConnectionsPerServer = 64)
            .Run(async run =>
            {
                await run.Output.WriteLineAsync($"baseline {targets.Baseline}, candidate {targets.Candidate} (settings: {targets.CandidateSettingsText})");
                var baseline = new PortalSteps(run.HttpTo(targets.Baseline));
                var candidate = new PortalSteps(run.HttpTo(targets.Candidate));
                await run.RunLoadAsync(PortalMix.BuildSideBySide(baseline, candidate, Hold, seed));
            })
            .RunAsync();
    }
}
