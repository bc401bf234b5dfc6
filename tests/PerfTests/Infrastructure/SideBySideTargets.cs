using PerfTests.Environment.SystemUnderTest;
using PerfTests.NUnit;

namespace PerfTests.Suites.Infrastructure;

/// <summary>
/// The two systems of a side-by-side A/B run. In-process: the suite's portal is the baseline (A) and a
/// second portal on the same PostgreSQL/Redis/WireMock is the candidate (B), with PERF_CANDIDATE_SETTINGS
/// applied to B only. Against external targets: PERF_BASELINE_TARGET_URL is A and PERF_TARGET_URL
/// (the suite's external system) is B, both probed before any load is sent.
/// </summary>
internal sealed class SideBySideTargets : IAsyncDisposable
{
    private readonly ISystemUnderTest? _ownCandidate;

    private SideBySideTargets(Uri baseline, Uri candidate, ISystemUnderTest? ownCandidate, IReadOnlyDictionary<string, string?> candidateSettings)
    {
        Baseline = baseline;
        Candidate = candidate;
        _ownCandidate = ownCandidate;
        CandidateSettings = candidateSettings;
    }

    /// <summary>Base address of the baseline system (A).</summary>
    public Uri Baseline { get; }

    /// <summary>Base address of the candidate system (B).</summary>
    public Uri Candidate { get; }

    /// <summary>The candidate-only overrides applied (empty: same code, same settings).</summary>
    public IReadOnlyDictionary<string, string?> CandidateSettings { get; }

    /// <summary>The overrides as "Key=Value; ..." for reports, or "none".</summary>
    public string CandidateSettingsText =>
        CandidateSettings.Count == 0 ? "none" : string.Join("; ", CandidateSettings.Select(p => $"{p.Key}={p.Value}"));

    /// <summary>Starts (in-process) or probes (external) the candidate next to <paramref name="environment"/>.</summary>
    /// <exception cref="InvalidOperationException">The variables do not fit the environment; the message says which to set.</exception>
    public static async Task<SideBySideTargets> StartAsync(PortalEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var settings = SideBySideRunSettings.Current;
        if (environment.Dependencies is null)
        {
            if (settings.BaselineTargetUrl is null)
            {
                throw new InvalidOperationException(
                    $"The suite runs against the external system {environment.BaseAddress} (the candidate); a side-by-side run also needs " +
                    $"the baseline system: set {SideBySideRunSettings.BaselineTargetUrlVariable} to its base URL.");
            }

            if (settings.CandidateSettings.Count > 0)
            {
                throw new InvalidOperationException(
                    $"{SideBySideRunSettings.CandidateSettingsVariable} configures the in-process candidate only; external systems are configured where they run.");
            }

            await using var baseline = new ExternalSystemUnderTest(settings.BaselineTargetUrl);
            await SystemUnderTestProbe.EnsureReachableAsync(baseline.BaseAddress, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new SideBySideTargets(baseline.BaseAddress, environment.BaseAddress, null, settings.CandidateSettings);
        }

        if (settings.BaselineTargetUrl is not null)
        {
            throw new InvalidOperationException(
                $"{SideBySideRunSettings.BaselineTargetUrlVariable} is set but {SystemUnderTestFactory.TargetUrlVariable} is not: " +
                "set both (external baseline and candidate) or neither (both instances in-process).");
        }

        var candidate = await PortalEnvironment.StartSecondInstanceAsync(environment.Dependencies, settings.CandidateSettings, cancellationToken).ConfigureAwait(false);
        return new SideBySideTargets(environment.BaseAddress, candidate.BaseAddress, candidate, settings.CandidateSettings);
    }

    /// <summary>Stops the in-process candidate; external systems are left running.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ownCandidate is not null)
        {
            await _ownCandidate.DisposeAsync().ConfigureAwait(false);
        }
    }
}
