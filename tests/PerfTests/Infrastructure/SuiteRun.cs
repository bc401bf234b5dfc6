using PerfTests.Budgets;
using PerfTests.Containers.Faults;
using PerfTests.Load.Results;
using PerfTests.Load.Running;
using PerfTests;
using PerfTests.Reporting.Context;
using PerfTests.Exporters;
using PerfTests.Resources;

namespace PerfTests.Suites.Infrastructure;

/// <summary>The shared tail of every suite test: run the scenarios, report them, judge them.</summary>
internal static class SuiteRun
{
    /// <summary>Runs the scenarios, stopping cleanly (with a partial result) if the test is cancelled.</summary>
    public static async Task<LoadRunResult> RunAsync(IEnumerable<Scenario> scenarios, CancellationToken cancellationToken)
    {
        var result = await AllureContext.StepAsync("run load", () =>
            LoadRunner.RunAsync(scenarios, new LoadRunnerOptions { ProgressWriter = TestContext.Progress }, cancellationToken)).ConfigureAwait(false);
        TestContext.Out.WriteLine(result.ToString());
        AllureContext.Attach("run summary", result.ToString(), "text/plain", "txt");
        return result;
    }

    /// <summary>
    /// Runs the scenarios while sampling the environment's resources every second (process CPU and
    /// memory, pool usage, cache hit ratio, PostgreSQL, Redis), and attaches the resource table, timeline (csv) and timeline charts.
    /// </summary>
    public static async Task<SampledRun> RunSampledAsync(
        PortalEnvironment environment, IEnumerable<Scenario> scenarios, CancellationToken cancellationToken)
    {
        await using var sources = new PortalResourceSources(environment);
        await using var sampler = ResourceSampler.Start(sources.All);
        var run = await RunAsync(scenarios, cancellationToken).ConfigureAwait(false);
        var resources = await sampler.StopAsync().ConfigureAwait(false);
        TestContext.Out.WriteLine(resources.ToString());
        AllureContext.Attach("resources", resources.ToString(), "text/plain", "txt");
        AllureContext.Attach("resource timeline", resources.ToCsv(), "text/csv", "csv");
        PerfReport.AttachResources(
            resources.Series.Select(s => new NamedSeries(s.Key, [.. s.Value.Select(p => (p.Offset, p.Value))])),
            resources.Interval,
            resources.Errors.Select(e => new TimelineMark(e.Offset, null, $"{e.Source} failed")));
        return new SampledRun(run, resources);
    }

    /// <summary>
    /// Judges a sampled run: its resource metrics join the measurements of every scenario, and a
    /// failure names the saturated resource (pool, CPU, cache, generator) as a bottleneck hint.
    /// </summary>
    public static BudgetReport Judge(SampledRun sampled, string suite, IEnumerable<FaultWindow>? faults = null)
    {
        ArgumentNullException.ThrowIfNull(sampled);
        var measurements = new LoadRunMeasurements(sampled.Run);
        foreach (var scenario in sampled.Run.Scenarios)
        {
            measurements.WithResources(scenario.Name, sampled.Resources);
        }

        return Judge(sampled.Run, measurements, suite, faults, BottleneckHint.For(sampled.Resources, sampled.Run));
    }

    /// <summary>
    /// Judges the run against budgets/&lt;suite&gt;.yaml with the run's overlay, attaches the report
    /// (budget table, charts with the fault windows shaded, histogram log, metrics, markdown summary),
    /// saves the run's summary and compares it with the baseline (PERF_BASELINE_DIR / BaselineDir, when
    /// given), then asserts once: budget breaches and a regression are listed together, so a breached
    /// budget or a regression still leaves its evidence in the report. A run with injected faults is
    /// compared for the record but never failed on the comparison: its latency follows the fault's
    /// timing (a kill 200 ms later moves the outage's p95), which budgets judge better than a baseline.
    /// </summary>
    public static BudgetReport Judge(
        LoadRunResult run, IMeasurements measurements, string suite, IEnumerable<FaultWindow>? faults = null, string? bottleneckHint = null)
    {
        var windows = faults?.ToList() ?? [];
        var report = Report(run, measurements, suite, windows);
        var baseline = SuiteBaseline.Check(run, suite, report.Failed);
        var enforced = windows.Count == 0 && BaselineRunSettings.Current.FailOnRegression;
        if (!enforced && baseline.FailureMessage is not null)
        {
            var why = windows.Count > 0 ? "a run with injected faults" : "BaselineGate is 'report'";
            TestContext.Out.WriteLine($"baseline: reported, not failed ({why}): {baseline.FailureMessage}");
        }

        return BudgetAssert.Meets(report, bottleneckHint, enforced ? baseline.FailureMessage : null);
    }

    /// <summary>
    /// Evaluates and attaches the report like <see cref="Judge(LoadRunResult, IMeasurements, string, IEnumerable{FaultWindow}?, string?)"/>
    /// without asserting: for defect tests that expect a breach and assert on the report themselves.
    /// </summary>
    public static BudgetReport Report(LoadRunResult run, IMeasurements measurements, string suite, IEnumerable<FaultWindow>? faults = null)
    {
        var marks = faults?.Select(f => new TimelineMark(f.From, f.To, f.Fault));
        var report = AllureContext.Step("judge against budgets/" + suite + ".yaml", () =>
            BudgetEvaluator.Evaluate(BudgetFiles.Load(suite), measurements));
        PerfReport.Attach(run, report, marks, TestContext.CurrentContext.Test.Name);
        return report;
    }

    /// <summary>Judges the run against budgets/&lt;suite&gt;.yaml with the run's overlay (pr/nightly/local).</summary>
    public static BudgetReport Judge(IMeasurements measurements, string suite) =>
        AllureContext.Step("judge against budgets/" + suite + ".yaml", () => BudgetAssert.Meets(measurements, suite));
}
