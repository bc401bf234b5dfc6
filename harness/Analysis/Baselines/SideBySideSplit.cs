using PerfTests.Load.Results;

namespace PerfTests.Analysis.Baselines;

/// <summary>
/// Splits one side-by-side run (every scenario twice: "name@baseline" against instance A and
/// "name@candidate" against instance B, in the same seconds) into one <see cref="RunSummary"/> per
/// arm with the plain scenario names, so <see cref="BaselineComparer"/> compares A with B.
/// </summary>
public static class SideBySideSplit
{
    /// <summary>Suffix of the scenarios run against the baseline instance.</summary>
    public const string BaselineSuffix = "@baseline";

    /// <summary>Suffix of the scenarios run against the candidate instance.</summary>
    public const string CandidateSuffix = "@candidate";

    /// <summary>The baseline arm's name of <paramref name="scenario"/>, e.g. "client-detail@baseline".</summary>
    public static string BaselineName(string scenario) => scenario + BaselineSuffix;

    /// <summary>The candidate arm's name of <paramref name="scenario"/>, e.g. "client-detail@candidate".</summary>
    public static string CandidateName(string scenario) => scenario + CandidateSuffix;

    /// <summary>
    /// The run as two runs, baseline arm and candidate arm, scenarios renamed without the suffix (their
    /// histogram tags follow the new names). Throws when a scenario carries neither suffix.
    /// </summary>
    public static (LoadRunResult Baseline, LoadRunResult Candidate) SplitRun(LoadRunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var baseline = new List<ScenarioResult>();
        var candidate = new List<ScenarioResult>();
        foreach (var scenario in run.Scenarios)
        {
            if (scenario.Name.EndsWith(BaselineSuffix, StringComparison.Ordinal))
            {
                baseline.Add(scenario with { Name = scenario.Name[..^BaselineSuffix.Length] });
            }
            else if (scenario.Name.EndsWith(CandidateSuffix, StringComparison.Ordinal))
            {
                candidate.Add(scenario with { Name = scenario.Name[..^CandidateSuffix.Length] });
            }
            else
            {
                throw new ArgumentException(
                    $"Scenario '{scenario.Name}' belongs to no arm: side-by-side scenario names end in '{BaselineSuffix}' or '{CandidateSuffix}'.", nameof(run));
            }
        }

        return (run with { Scenarios = baseline }, run with { Scenarios = candidate });
    }

    /// <summary>Summarises both arms of a side-by-side run with the same interval (see <see cref="RunSummaryFactory.Create"/>).</summary>
    /// <param name="run">The side-by-side run.</param>
    /// <param name="suite">Suite name stored with both summaries.</param>
    /// <param name="interval">Interval of the p95 series (whole seconds); default 10 s.</param>
    /// <param name="label">Optional label (commit); each arm's label gets " baseline arm" / " candidate arm" appended.</param>
    /// <param name="includeHistograms">Embed each scenario's HdrHistogram log; default true.</param>
    public static (RunSummary Baseline, RunSummary Candidate) Summarise(
        LoadRunResult run, string suite, TimeSpan? interval = null, string? label = null, bool includeHistograms = true)
    {
        var (baseline, candidate) = SplitRun(run);
        return (
            RunSummaryFactory.Create(baseline, suite, interval, ArmLabel(label, "baseline"), includeHistograms),
            RunSummaryFactory.Create(candidate, suite, interval, ArmLabel(label, "candidate"), includeHistograms));
    }

    private static string ArmLabel(string? label, string arm) => string.IsNullOrWhiteSpace(label) ? $"{arm} arm" : $"{label} {arm} arm";
}
