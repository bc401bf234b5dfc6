using System.Globalization;

namespace PerfTests.Analysis.Baselines;

/// <summary>
/// Decides whether a run passes the baseline gate: finds the test's baseline summary, compares it
/// with <see cref="BaselineComparer"/> and turns the scenario verdicts into one <see cref="BaselineCheck"/>.
/// A missing or unreadable baseline and too few intervals are notes, never failures.
/// </summary>
public static class BaselineGate
{
    /// <summary>Checks <paramref name="candidate"/> against the summary named <paramref name="fileName"/> in <paramref name="baselineFolder"/>.</summary>
    /// <param name="baselineFolder">Folder of baseline summaries; null or empty when no baseline was given.</param>
    /// <param name="fileName">The test's summary file name (the same name the candidate is saved under).</param>
    /// <param name="candidate">This run's summary.</param>
    /// <param name="options">Decision rule; default <see cref="ComparisonOptions"/>.</param>
    public static BaselineCheck CheckFolder(string? baselineFolder, string fileName, RunSummary candidate, ComparisonOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(candidate);
        if (string.IsNullOrWhiteSpace(baselineFolder))
        {
            return new BaselineCheck(BaselineStatus.NoBaseline, null, null, "no baseline given: judged by budgets only");
        }

        var path = Path.Combine(baselineFolder, fileName);
        if (!File.Exists(path))
        {
            return new BaselineCheck(BaselineStatus.NoBaseline, null, null,
                $"no baseline summary {fileName} in {baselineFolder} (first run of this test?): judged by budgets only");
        }

        RunSummary baseline;
        try
        {
            baseline = RunSummaryFile.FromJson(File.ReadAllText(path));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return new BaselineCheck(BaselineStatus.NotComparable, null, null, $"baseline {path} could not be read ({e.Message}): judged by budgets only");
        }

        return Check(baseline, candidate, options);
    }

    /// <summary>Compares two summaries and decides.</summary>
    public static BaselineCheck Check(RunSummary baseline, RunSummary candidate, ComparisonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        if (!baseline.IntervalSeconds.Equals(candidate.IntervalSeconds))
        {
            // Interval p95s of different lengths differ in spread, so the test would compare apples and pears.
            return new BaselineCheck(BaselineStatus.NotComparable, baseline.Label, null, string.Create(CultureInfo.InvariantCulture,
                $"baseline intervals are {baseline.IntervalSeconds} s, this run's {candidate.IntervalSeconds} s (BaselineInterval differs): not compared"));
        }

        return Decided(baseline.Label, BaselineComparer.Compare(baseline, candidate, options),
            $"not enough intervals in any scenario (need {(options ?? new ComparisonOptions()).MinIntervals} per side)");
    }

    /// <summary>
    /// Decides a side-by-side run (both arms of ONE run) with <see cref="RequestLevelComparer"/>:
    /// request-level Mann-Whitney and a median at least 10% slower.
    /// </summary>
    public static BaselineCheck CheckSideBySide(RunSummary baseline, RunSummary candidate)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        return Decided(baseline.Label, RequestLevelComparer.Compare(baseline, candidate),
            $"fewer than {RequestLevelComparer.MinRequests} requests per arm in every scenario");
    }

    private static BaselineCheck Decided(string? baselineLabel, ComparisonReport report, string notEnoughData)
    {
        var status = Decide(report);
        var label = baselineLabel is null ? "the baseline" : $"baseline '{baselineLabel}'";
        var note = status switch
        {
            BaselineStatus.Regressed => $"compared with {label}: {Count(report, ComparisonVerdict.Regressed)} scenario(s) regressed",
            BaselineStatus.Improved => $"compared with {label}: {Count(report, ComparisonVerdict.Improved)} scenario(s) improved, none regressed",
            BaselineStatus.NotEnoughData => $"compared with {label}: {notEnoughData}: no decision",
            _ => $"compared with {label}: no scenario regressed",
        };
        return new BaselineCheck(status, baselineLabel, report, note);
    }

    /// <summary>Regressed if any scenario regressed; NotEnoughData if no scenario could be decided; else Improved or Same.</summary>
    internal static BaselineStatus Decide(ComparisonReport report)
    {
        if (report.HasRegression)
        {
            return BaselineStatus.Regressed;
        }

        if (report.Scenarios.All(s => s.Verdict == ComparisonVerdict.NotEnoughData))
        {
            return BaselineStatus.NotEnoughData;
        }

        return report.Scenarios.Any(s => s.Verdict == ComparisonVerdict.Improved) ? BaselineStatus.Improved : BaselineStatus.Same;
    }

    private static int Count(ComparisonReport report, ComparisonVerdict verdict) => report.Scenarios.Count(s => s.Verdict == verdict);
}
