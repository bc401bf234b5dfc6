using PerfTests.Analysis.Baselines;
using PerfTests.Load.Results;
using PerfTests;
using PerfTests.Reporting.Context;
using PerfTests.Exporters;

namespace PerfTests.Suites.Infrastructure;

/// <summary>
/// The baseline half of a suite's gate: saves this test's <see cref="RunSummary"/> to the summaries
/// folder, compares it with the same test's summary in the baseline folder (when one is given), and
/// reports the comparison (Allure attachment, markdown summary, a .comparison.json next to the summary).
/// </summary>
internal static class SuiteBaseline
{
    /// <summary>Saves, compares and reports; the caller asserts <see cref="BaselineCheck.FailureMessage"/>.</summary>
    /// <param name="run">The run to summarise.</param>
    /// <param name="suite">Suite (budget) name stored in the summary.</param>
    /// <param name="budgetFailed">Whether the budget judgement failed (recorded in the comparison JSON).</param>
    public static BaselineCheck Check(LoadRunResult run, string suite, bool budgetFailed)
    {
        var settings = BaselineRunSettings.Current;
        var summaryPath = SummaryPath(settings);
        var summary = RunSummaryFactory.Create(run, suite, settings.Interval, CommitLabel.Current);
        Write(summaryPath, RunSummaryFile.ToJson(summary));

        var check = AllureContext.Step("compare with baseline", () =>
            BaselineGate.CheckFolder(settings.BaselineFolder, Path.GetFileName(summaryPath), summary));
        // Without a baseline folder there is nothing to report beyond the saved summary.
        Report(check, "baseline", TestContext.CurrentContext.Test.FullName, attach: settings.BaselineFolder is not null);
        Write(Path.ChangeExtension(summaryPath, ".comparison.json"), BaselineCheckFormatter.ToJson(check, budgetFailed));
        return check;
    }

    /// <summary>Where this test's summary is saved: the summaries folder (default: perf-summaries in the work directory) / &lt;Fixture&gt;.&lt;Test&gt;.json.</summary>
    internal static string SummaryPath(BaselineRunSettings settings)
    {
        var folder = settings.SummaryFolder ?? Path.Combine(TestContext.CurrentContext.WorkDirectory, "perf-summaries");
        return Path.Combine(folder, RunSummaryFile.FileName(TestContext.CurrentContext.Test.ClassName, TestContext.CurrentContext.Test.Name));
    }

    /// <summary>Logs a comparison and, when <paramref name="attach"/>, attaches its markdown to Allure and the job summary.</summary>
    internal static void Report(BaselineCheck check, string logPrefix, string title, bool attach)
    {
        TestContext.Out.WriteLine($"{logPrefix}: {check.Status}: {check.Note}");
        if (check.Report is not null)
        {
            TestContext.Out.WriteLine(check.Report.ToString());
        }

        if (attach)
        {
            var markdown = BaselineCheckFormatter.ToMarkdown(check, title);
            AllureContext.Attach("baseline comparison", markdown, "text/markdown", "md");
            PerfReport.AppendSummary(markdown);
        }
    }

    // Saving is reporting: a full disk must not hide the budget verdict, so it is logged, not thrown.
    internal static void Write(string path, string json)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, json);
            TestContext.Out.WriteLine($"saved {path}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TestContext.Progress.WriteLine($"could not save {path}: {e.Message}");
        }
    }
}
