using PerfTests;
using PerfTests.Hosting;
using PerfTests.Failover.Processes;

namespace PerfTests.Suites.Infrastructure;

/// <summary>
/// The two systems of a side-by-side A/B run. In-process: the suite's portal is the baseline (A) and a
/// second portal on the same PostgreSQL/Redis/WireMock is the candidate (B), with PERF_CANDIDATE_SETTINGS
/// applied to B only. Against external targets: PERF_BASELINE_TARGET_URL is A and PERF_TARGET_URL
/// (the suite's external system) is B, both probed before any load is sent. With PERF_BASELINE_APP
/// (e.g. main's build of the portal) both arms are separate processes on the suite's dependencies:
/// A from that dll, B from this build's, so neither shares the load generator's process.
/// </summary>
internal sealed class SideBySideTargets : IAsyncDisposable
{
    private readonly IAsyncDisposable[] _owned;

    private SideBySideTargets(Uri baseline, Uri candidate, IReadOnlyDictionary<string, string?> candidateSettings, params IAsyncDisposable[] owned)
    {
        Baseline = baseline;
        Candidate = candidate;
        _owned = owned;
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

            if (settings.BaselineApp is not null)
            {
                throw new InvalidOperationException(
                    $"{SideBySideRunSettings.BaselineAppVariable} starts the baseline on the suite's own dependencies; against external systems set {SideBySideRunSettings.BaselineTargetUrlVariable} instead.");
            }

            if (settings.CandidateSettings.Count > 0)
            {
                throw new InvalidOperationException(
                    $"{SideBySideRunSettings.CandidateSettingsVariable} configures the in-process candidate only; external systems are configured where they run.");
            }

            await using var baseline = new ExternalSystemUnderTest(settings.BaselineTargetUrl);
            await SystemUnderTestProbe.EnsureReachableAsync(baseline.BaseAddress, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new SideBySideTargets(baseline.BaseAddress, environment.BaseAddress, settings.CandidateSettings);
        }

        if (settings.BaselineTargetUrl is not null)
        {
            throw new InvalidOperationException(
                $"{SideBySideRunSettings.BaselineTargetUrlVariable} is set but {SystemUnderTestFactory.TargetUrlVariable} is not: " +
                "set both (external baseline and candidate) or neither (both instances in-process).");
        }

        if (settings.BaselineApp is { } baselineApp)
        {
            return await StartProcessesAsync(environment.Dependencies, baselineApp, settings.CandidateSettings, cancellationToken).ConfigureAwait(false);
        }

        var candidate = await PortalEnvironment.StartSecondInstanceAsync(environment.Dependencies, settings.CandidateSettings, cancellationToken).ConfigureAwait(false);
        return new SideBySideTargets(environment.BaseAddress, candidate.BaseAddress, settings.CandidateSettings, candidate);
    }

    private static async Task<SideBySideTargets> StartProcessesAsync(
        PerfTests.Containers.PerfEnvironment dependencies, string baselineApp, IReadOnlyDictionary<string, string?> candidateSettings, CancellationToken cancellationToken)
    {
        var baseline = await AppProcess.StartAsync(
            new AppProcessOptions { AssemblyPath = baselineApp, Settings = PortalEnvironment.SecondInstanceSettings(dependencies, "sut-a:", new Dictionary<string, string?>()) },
            cancellationToken).ConfigureAwait(false);
        try
        {
            var candidate = await AppProcess.StartAsync(
                new AppProcessOptions { AssemblyPath = typeof(Program).Assembly.Location, Settings = PortalEnvironment.SecondInstanceSettings(dependencies, "sut-b:", candidateSettings) },
                cancellationToken).ConfigureAwait(false);
            return new SideBySideTargets(baseline.BaseAddress, candidate.BaseAddress, candidateSettings, baseline, candidate);
        }
        catch
        {
            await baseline.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the instances this run started (in-process candidate or both processes); external systems are left running.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync().ConfigureAwait(false);
        }
    }
}
