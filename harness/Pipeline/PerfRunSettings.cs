using System.Globalization;
using NUnit.Framework;

namespace PerfTests;

/// <summary>
/// Run settings for performance tests, from the <c>.runsettings</c> TestRunParameters
/// (<c>DurationScale</c>, <c>TargetUrl</c>, <c>BudgetOverlay</c>, <c>BudgetsFolder</c>), falling back to
/// environment variables (<c>PERF_DURATION_SCALE</c>, <c>PERF_TARGET_URL</c>, <c>PERF_BUDGET_OVERLAY</c>,
/// <c>PERF_BUDGETS_FOLDER</c>), then to defaults.
/// </summary>
/// <param name="DurationScale">Multiplier for every test's durations (PR runs shrink, nightly grows); default 1, must be &gt; 0.</param>
/// <param name="TargetUrl">An external system under test, or <see langword="null"/> to host the sample one in-process.</param>
/// <param name="BudgetOverlay">Budget overlay name (<c>pr</c>, <c>nightly</c>, <c>local</c>); default <c>local</c>.</param>
/// <param name="BudgetsFolder">Folder holding the budget YAML files, or <see langword="null"/> to search up from the test assembly.</param>
public sealed record PerfRunSettings(double DurationScale, Uri? TargetUrl, string BudgetOverlay, string? BudgetsFolder)
{
    /// <summary>Default overlay when neither a run setting nor an environment variable names one.</summary>
    public const string DefaultOverlay = "local";

    private static readonly (string Parameter, string Variable)[] Names =
    [
        ("DurationScale", "PERF_DURATION_SCALE"), ("TargetUrl", "PERF_TARGET_URL"),
        ("BudgetOverlay", "PERF_BUDGET_OVERLAY"), ("BudgetsFolder", "PERF_BUDGETS_FOLDER"),
    ];

    /// <summary>The settings of the current test run (NUnit TestContext.Parameters, then environment).</summary>
    public static PerfRunSettings Current =>
        FromSources(name => TestContext.Parameters.Get(name), Environment.GetEnvironmentVariable);

    /// <summary>Scales a test duration by <see cref="DurationScale"/>.</summary>
    public TimeSpan Scale(TimeSpan duration) => duration * DurationScale;

    /// <summary>Reads settings from a parameter source, then an environment source; validates them.</summary>
    /// <exception cref="InvalidOperationException">A value is malformed; the message names where it came from.</exception>
    internal static PerfRunSettings FromSources(Func<string, string?> parameter, Func<string, string?> environment)
    {
        string? Read(int i, out string source)
        {
            var (p, v) = Names[i];
            var value = parameter(p);
            source = $"run parameter '{p}'";
            if (string.IsNullOrWhiteSpace(value))
            {
                value = environment(v);
                source = $"environment variable {v}";
            }

            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        var scaleText = Read(0, out var scaleSource);
        var scale = 1.0;
        if (scaleText is not null
            && (!double.TryParse(scaleText, NumberStyles.Float, CultureInfo.InvariantCulture, out scale) || !double.IsFinite(scale) || scale <= 0))
        {
            throw new InvalidOperationException($"{scaleSource} is '{scaleText}'; it must be a number > 0 (e.g. 0.1 or 2).");
        }

        var urlText = Read(1, out var urlSource);
        Uri? url = null;
        if (urlText is not null && (!Uri.TryCreate(urlText, UriKind.Absolute, out url) || url.Scheme is not ("http" or "https")))
        {
            throw new InvalidOperationException($"{urlSource} is '{urlText}'; it must be an absolute http(s) URL.");
        }

        var overlay = Read(2, out var overlaySource) ?? DefaultOverlay;
        if (!overlay.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new InvalidOperationException($"{overlaySource} is '{overlay}'; use lower-case letters, digits and '-' (e.g. pr, nightly).");
        }

        return new PerfRunSettings(scale, url, overlay, Read(3, out _));
    }
}
