using PerfTests.Containers;
using PerfTests.Failover.Processes;

namespace PerfTests.Suites.Infrastructure;

/// <summary>
/// The two systems of a side-by-side A/B run. In-process: the suite's portal is the baseline (A) and a
/// second portal on the same PostgreSQL/Redis/WireMock is the candidate (B), with CandidateSettings
/// applied to B only. Against external targets: BaselineTargetUrl is A and TargetUrl (the suite's
/// external system) is B. With BaselineApp (e.g. main's build of the portal) both arms are separate
/// processes on the suite's dependencies: A from that dll, B from this build's, so neither shares the
/// load generator's process. Names are the run settings (README "Settings").
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

    /// <summary>Starts (in-process) or names (external) the candidate next to <paramref name="environment"/>.</summary>
    /// <exception cref="InvalidOperationException">The settings do not fit the environment; the message says which to set.</exception>
    public static async Task<SideBySideTargets> StartAsync(PortalEnvironment environment, PerfSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(settings);
        if (environment.Dependencies is null)
        {
            if (settings.BaselineTargetUrl is null)
            {
                throw new InvalidOperationException(
                    $"The suite runs against the external system {environment.BaseAddress} (the candidate); a side-by-side run also needs " +
                    "the baseline system: set BaselineTargetUrl (PERF_BASELINE_TARGET_URL) to its base URL.");
            }

            if (settings.BaselineApp is not null)
            {
                throw new InvalidOperationException(
                    "BaselineApp (PERF_BASELINE_APP) starts the baseline on the suite's own dependencies; against external systems set BaselineTargetUrl instead.");
            }

            if (settings.CandidateSettings.Count > 0)
            {
                throw new InvalidOperationException(
                    "CandidateSettings (PERF_CANDIDATE_SETTINGS) configure the in-process candidate only; external systems are configured where they run.");
            }

            var baseline = new ExternalSystemUnderTest(settings.BaselineTargetUrl);
            await SystemUnderTestProbe.EnsureReachableAsync(baseline.BaseAddress, settings.ReadinessPath, settings.ReadinessTimeout, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new SideBySideTargets(baseline.BaseAddress, environment.BaseAddress, settings.CandidateSettings);
        }

        if (settings.BaselineTargetUrl is not null)
        {
            throw new InvalidOperationException(
                "BaselineTargetUrl (PERF_BASELINE_TARGET_URL) is set but TargetUrl (PERF_TARGET_URL) is not: " +
                "set both (external baseline and candidate) or neither (both instances in-process).");
        }

        if (settings.BaselineApp is { } baselineApp)
        {
            return await StartProcessesAsync(environment.Dependencies, baselineApp, settings.CandidateSettings, cancellationToken).ConfigureAwait(false);
        }

        var candidate = await PortalEnvironment.StartSecondInstanceAsync(environment.Dependencies, "sut-b:", settings.CandidateSettings, cancellationToken).ConfigureAwait(false);
        return new SideBySideTargets(environment.BaseAddress, candidate.BaseAddress, settings.CandidateSettings, candidate);
    }

    private static async Task<SideBySideTargets> StartProcessesAsync(
        PerfEnvironment dependencies, string baselineApp, IReadOnlyDictionary<string, string?> candidateSettings, CancellationToken cancellationToken)
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
