using NUnit.Framework;
using PerfTests.Budgets;
using PerfTests.Load.Results;
using PerfTests.Exporters.Summary;

namespace PerfTests.Exporters;

/// <summary>
/// Attaches everything a performance test should show in its Allure result, and appends the CI summary.
/// Call it after the run and after <see cref="BudgetEvaluator.Evaluate"/>, BEFORE asserting the budget
/// (the assertion ends the test when the budget breaks):
/// <code>
/// var report = BudgetEvaluator.Evaluate(budget, new LoadRunMeasurements(run));
/// PerfReport.Attach(run, report, faultMarks);
/// BudgetAssert.Meets(new LoadRunMeasurements(run), budget);
/// </code>
/// </summary>
public static class PerfReport
{
    /// <summary>
    /// Writes, each exporter on its own (one failing never stops the others, nothing here throws
    /// because of reporting): the budget table (HTML and CSV); per scenario SVG charts of latency
    /// (p50/p95/p99 per second, budget fail limits dashed), throughput, errors and the latency
    /// distribution, the per-second timeline CSV, the HdrHistogram log (.hlog); Allure metrics
    /// "&lt;scenario&gt; p95" / "p99" (ms), "rps" (req/s), "error rate" (%); and a markdown section
    /// appended to the file named by <c>PERF_SUMMARY_FILE</c> (e.g. $GITHUB_STEP_SUMMARY; nothing
    /// when unset). Outside an Allure-recorded test the Allure parts are skipped, the summary is still written.
    /// </summary>
    /// <param name="run">The engine's result.</param>
    /// <param name="report">The budget judgement, or null when the test has no budget.</param>
    /// <param name="marks">Windows to shade on the timeline charts (fault injections, failover phases); default none.</param>
    /// <param name="title">Heading of the summary section; default the current NUnit test's full name.</param>
    /// <returns>One line per exporter that failed (also logged to NUnit's progress output); empty when all worked.</returns>
    public static IReadOnlyList<string> Attach(
        LoadRunResult run, BudgetReport? report = null, IEnumerable<TimelineMark>? marks = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var path = System.Environment.GetEnvironmentVariable(SummaryFile.Variable);
        var writer = new PerfReportWriter(AllureSink.Instance, string.IsNullOrWhiteSpace(path) ? null : path, TestContext.Progress.WriteLine);
        return writer.Write(run, report, marks?.ToList() ?? [], title ?? CurrentTestName());
    }

    /// <summary>
    /// Attaches resource timeline charts (image/svg+xml), one per group of metrics: "resources: CPU"
    /// (% of all cores), "memory" (MB), "pool usage and cache hit ratio" (%), "PostgreSQL connections",
    /// rates, durations, thread pool, other counts (rules: <c>ResourceChartGroups</c>). The x axis is
    /// seconds since sampling began; missing intervals are gaps. Never throws because of reporting;
    /// nothing is attached outside an Allure-recorded test.
    /// </summary>
    /// <param name="series">The sampled metrics, e.g. mapped from <c>ResourceReport.Series</c>.</param>
    /// <param name="interval">The sampling interval (default 1 s in the sampler); points further than 1.5 intervals apart leave a gap.</param>
    /// <param name="marks">Windows to shade, offsets since sampling began (e.g. from where a source failed, To = null); default none.</param>
    /// <returns>One line per chart that failed (also logged to NUnit's progress output); empty when all worked.</returns>
    public static IReadOnlyList<string> AttachResources(IEnumerable<NamedSeries> series, TimeSpan interval, IEnumerable<TimelineMark>? marks = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        var writer = new PerfReportWriter(AllureSink.Instance, null, TestContext.Progress.WriteLine);
        return writer.WriteResources([.. series], interval, marks?.ToList() ?? []);
    }

    /// <summary>
    /// Appends a markdown section to the file named by <c>PERF_SUMMARY_FILE</c> (nothing when unset),
    /// e.g. a baseline comparison. Never throws because of reporting: a failed write is logged to
    /// NUnit's progress output and returned.
    /// </summary>
    /// <returns>The error, or null when written (or nothing to write to).</returns>
    public static string? AppendSummary(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var path = System.Environment.GetEnvironmentVariable(SummaryFile.Variable);
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        try
        {
            SummaryFile.Append(path, markdown);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var error = $"summary: could not append to {path}: {e.Message}";
            TestContext.Progress.WriteLine(error);
            return error;
        }
    }

    private static string CurrentTestName()
    {
        var name = TestContext.CurrentContext.Test.FullName;
        return string.IsNullOrEmpty(name) ? "performance run" : name;
    }
}
