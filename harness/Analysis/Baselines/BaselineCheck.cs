using System.Globalization;
using System.Text;

namespace PerfTests.Analysis.Baselines;

/// <summary>
/// The baseline gate's decision for one test: its status, the per-scenario comparison (when one was
/// made) and a one-line note for the report. Only <see cref="BaselineStatus.Regressed"/> fails a test.
/// </summary>
/// <param name="Status">Overall outcome.</param>
/// <param name="BaselineLabel">Label of the baseline run (commit), or null.</param>
/// <param name="Report">Per-scenario decisions; null when no comparison was made.</param>
/// <param name="Note">One line for people: what was compared, or why nothing was.</param>
public sealed record BaselineCheck(BaselineStatus Status, string? BaselineLabel, ComparisonReport? Report, string Note)
{
    /// <summary>True when the gate must fail the test.</summary>
    public bool IsRegression => Status == BaselineStatus.Regressed;

    /// <summary>
    /// The assertion message when <see cref="IsRegression"/>, else null. It starts with "Regression"
    /// so the Allure category "Regression" matches it, and lists every regressed scenario.
    /// </summary>
    public string? FailureMessage
    {
        get
        {
            if (!IsRegression || Report is null)
            {
                return null;
            }

            var regressed = Report.Scenarios.Where(s => s.Verdict == ComparisonVerdict.Regressed).ToList();
            var text = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"Regression against baseline {LabelText}: {regressed.Count} scenario(s) regressed");
            foreach (var scenario in regressed)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {scenario.Scenario}: {scenario.Explanation}");
            }

            return text.ToString();
        }
    }

    /// <summary>The baseline's label in quotes, or "(unlabelled)".</summary>
    internal string LabelText => BaselineLabel is null ? "(unlabelled)" : $"'{BaselineLabel}'";
}
