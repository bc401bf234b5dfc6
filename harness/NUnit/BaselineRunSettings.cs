using System.Globalization;
using NUnit.Framework;

namespace PerfTests.NUnit;

/// <summary>
/// Run settings of the baseline gate, from the <c>.runsettings</c> TestRunParameters
/// (<c>BaselineInterval</c>, <c>BaselineDir</c>, <c>SummaryDir</c>), falling back to environment
/// variables (<c>PERF_BASELINE_INTERVAL</c>, <c>PERF_BASELINE_DIR</c>, <c>PERF_SUMMARY_DIR</c>), then to defaults.
/// </summary>
/// <param name="Interval">
/// Length of the intervals whose p95s the comparison tests; default 10 s. It must leave at least 10
/// intervals per run (the comparer's minimum), so the 30 s PR runs use 1 s (pr.runsettings).
/// </param>
/// <param name="BaselineFolder">Folder of baseline summaries to compare with; null: no comparison, budgets only.</param>
/// <param name="SummaryFolder">Folder every run's summary is saved to; null: the caller's default (the test work directory).</param>
public sealed record BaselineRunSettings(TimeSpan Interval, string? BaselineFolder, string? SummaryFolder)
{
    /// <summary>Interval when nothing sets one: 10 s (nightly runs of 5 minutes and more).</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    /// <summary>The settings of the current test run (NUnit TestContext.Parameters, then environment).</summary>
    public static BaselineRunSettings Current =>
        FromSources(name => TestContext.Parameters.Get(name), Environment.GetEnvironmentVariable);

    /// <summary>Reads settings from a parameter source, then an environment source; validates them.</summary>
    /// <exception cref="InvalidOperationException">The interval is malformed; the message names where it came from.</exception>
    internal static BaselineRunSettings FromSources(Func<string, string?> parameter, Func<string, string?> environment)
    {
        string? Read(string name, string variable, out string source)
        {
            var value = parameter(name);
            source = $"run parameter '{name}'";
            if (string.IsNullOrWhiteSpace(value))
            {
                value = environment(variable);
                source = $"environment variable {variable}";
            }

            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        var interval = DefaultInterval;
        var text = Read("BaselineInterval", "PERF_BASELINE_INTERVAL", out var intervalSource);
        if (text is not null)
        {
            // Whole seconds: the summaries' interval series is built from the per-second timeline.
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds is < 1 or > 3600)
            {
                throw new InvalidOperationException($"{intervalSource} is '{text}'; it must be whole seconds from 1 to 3600 (e.g. 1 or 10).");
            }

            interval = TimeSpan.FromSeconds(seconds);
        }

        return new BaselineRunSettings(
            interval, Read("BaselineDir", "PERF_BASELINE_DIR", out _), Read("SummaryDir", "PERF_SUMMARY_DIR", out _));
    }
}
