namespace PerfTests;

/// <summary>
/// Settings of the side-by-side A/B test (category <see cref="PerfCategories.AB"/>), from environment
/// variables: <c>PERF_CANDIDATE_SETTINGS</c> (configuration overrides of the in-process candidate
/// instance only, "Key=Value;Key2=Value2", e.g. "SampleSystem:ExtraLatencyUs=900") and
/// <c>PERF_BASELINE_TARGET_URL</c> (an external baseline system; the candidate is then PERF_TARGET_URL),
/// <c>PERF_BASELINE_APP</c> (the baseline build's app dll, e.g. main's: both arms then run as separate
/// processes, A from that dll and B from this build's).
/// </summary>
/// <param name="CandidateSettings">Overrides for the candidate instance; empty when none (same code, same settings).</param>
/// <param name="BaselineTargetUrl">The external baseline system, or null to start both instances in-process.</param>
public sealed record SideBySideRunSettings(IReadOnlyDictionary<string, string?> CandidateSettings, Uri? BaselineTargetUrl)
{
    /// <summary>Environment variable of the baseline build's app dll (both arms then separate processes).</summary>
    public const string BaselineAppVariable = "PERF_BASELINE_APP";

    /// <summary>Full path of the baseline build's app dll, or null.</summary>
    public string? BaselineApp { get; init; }

    /// <summary>Environment variable of the candidate-only setting overrides.</summary>
    public const string CandidateSettingsVariable = "PERF_CANDIDATE_SETTINGS";

    /// <summary>Environment variable of the external baseline system's base URL.</summary>
    public const string BaselineTargetUrlVariable = "PERF_BASELINE_TARGET_URL";

    /// <summary>The settings of the current process's environment.</summary>
    public static SideBySideRunSettings Current => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>Reads and validates the settings.</summary>
    /// <exception cref="InvalidOperationException">A value is malformed; the message names the variable.</exception>
    internal static SideBySideRunSettings FromEnvironment(Func<string, string?> environment)
    {
        var settings = ParseSettings(environment(CandidateSettingsVariable));
        var urlText = environment(BaselineTargetUrlVariable)?.Trim();
        Uri? url = null;
        if (!string.IsNullOrEmpty(urlText) && (!Uri.TryCreate(urlText, UriKind.Absolute, out url) || url.Scheme is not ("http" or "https")))
        {
            throw new InvalidOperationException($"Environment variable {BaselineTargetUrlVariable} is '{urlText}'; it must be an absolute http(s) URL.");
        }

        var app = environment(BaselineAppVariable)?.Trim();
        if (!string.IsNullOrEmpty(app) && (!app.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || !File.Exists(app)))
        {
            throw new InvalidOperationException(
                $"Environment variable {BaselineAppVariable} is '{app}'; it must name the baseline build's existing app .dll " +
                "(e.g. dotnet build of main's fixtures/SampleSystem, then its PerfTests.SampleSystem.dll).");
        }

        return new SideBySideRunSettings(settings, url)
        {
            BaselineApp = string.IsNullOrEmpty(app) ? null : Path.GetFullPath(app),
        };
    }

    private static Dictionary<string, string?> ParseSettings(string? text)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? "" : part[..equals].Trim();
            if (key.Length == 0)
            {
                throw new InvalidOperationException(
                    $"Environment variable {CandidateSettingsVariable} is '{text}': '{part}' is not Key=Value. " +
                    "Use configuration keys separated by ';', e.g. SampleSystem:ExtraLatencyUs=900;SampleSystem:CacheEnabled=false.");
            }

            if (!settings.TryAdd(key, part[(equals + 1)..].Trim()))
            {
                throw new InvalidOperationException($"Environment variable {CandidateSettingsVariable} is '{text}': key '{key}' is set twice.");
            }
        }

        return settings;
    }
}
