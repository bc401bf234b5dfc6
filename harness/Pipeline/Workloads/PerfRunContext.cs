using PerfTests.Budgets;
using PerfTests.Exporters;
using PerfTests.Load.Results;
using PerfTests.Load.Running;
using PerfTests.Reporting.Context;

namespace PerfTests;

/// <summary>
/// What a workload gets from the pipeline: the run's settings, its target, its budget, and the place
/// to put what it measures. Load it runs here is scaled by the profile's DurationScale (unless the
/// test opted out), recorded for the gates and exporters, and shown as an Allure step.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "A workload reaches everything through its context, reporting included.")]
public sealed class PerfRunContext
{
    private readonly Func<Uri, HttpTarget> _httpTo;
    private readonly bool _scaled;
    private readonly List<LoadRunResult> _runs = [];
    private readonly List<IMeasurements> _measurements = [];
    private readonly Dictionary<string, Dictionary<string, double>> _metrics = new(StringComparer.Ordinal);
    private readonly List<RunMark> _marks = [];
    private readonly List<string> _unmet = [];
    private readonly Lock _sync = new();

    internal PerfRunContext(
        PerfSettings settings, TestIdentity test, Budget? budget, HttpTarget? http, Func<Uri, HttpTarget> httpTo,
        bool scaled, TextWriter output, TextWriter progress, CancellationToken cancellationToken)
    {
        Settings = settings;
        Test = test;
        Budget = budget;
        HttpOrNull = http;
        _httpTo = httpTo;
        _scaled = scaled;
        Output = output;
        Progress = progress;
        CancellationToken = cancellationToken;
    }

    /// <summary>The run's settings.</summary>
    public PerfSettings Settings { get; }

    /// <summary>The test the run belongs to.</summary>
    public TestIdentity Test { get; }

    /// <summary>The budget the run is judged by (loaded and checked before anything ran); null without one.</summary>
    public Budget? Budget { get; }

    /// <summary>The target's HTTP steps.</summary>
    /// <exception cref="InvalidOperationException">The test names no target and TargetUrl is not set.</exception>
    public HttpTarget Http => HttpOrNull ?? throw new InvalidOperationException(
        "This performance test has no target: call PerfTest.Target(...) or set the run parameter TargetUrl (PERF_TARGET_URL).");

    /// <summary>Cancelled when the test is; load runs stop and return what they measured.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The test's output (NUnit TestContext.Out): tables and summaries people read afterwards.</summary>
    public TextWriter Output { get; }

    /// <summary>Live progress (NUnit TestContext.Progress): one line per second of load.</summary>
    public TextWriter Progress { get; }

    internal HttpTarget? HttpOrNull { get; }

    /// <summary>
    /// HTTP steps against another system of the same run (the baseline arm of a side-by-side run, a
    /// balancer in front of the target): same connection pool, same guard (loopback, the hosts the run
    /// names, <see cref="PerfSettings.AllowedHosts"/>).
    /// </summary>
    public HttpTarget HttpTo(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        return _httpTo(baseAddress);
    }

    /// <summary><paramref name="duration"/> scaled by the profile's DurationScale (unchanged when the test opted out).</summary>
    public TimeSpan Scale(TimeSpan duration) => _scaled ? Settings.Scale(duration) : duration;

    /// <summary>Waits <paramref name="duration"/>, scaled like the load (a drill's "kill after the baseline").</summary>
    public Task DelayAsync(TimeSpan duration) => Task.Delay(Scale(duration), CancellationToken);

    /// <summary>
    /// Runs <paramref name="scenarios"/> together, their stages scaled, as the Allure step
    /// <paramref name="stepName"/>; the run joins this test's evidence (charts, budget, baseline).
    /// Cancellation returns the partial run.
    /// </summary>
    /// <param name="scenarios">Scenarios with their load stages (nightly lengths: the profile scales them).</param>
    /// <param name="stepName">Allure step name; default "run load".</param>
    /// <param name="progress">Whether to print a line per second to <see cref="Progress"/>; default true.</param>
    /// <param name="stop">Ends the load early (a background load stopped once the pages are measured); the run returns what it measured.</param>
    /// <exception cref="SystemUnderTestUnreachableException">The first requests all failed to connect: the run stopped in seconds (the message names the URL).</exception>
    public async Task<LoadRunResult> RunLoadAsync(IEnumerable<Scenario> scenarios, string stepName = "run load", bool progress = true, CancellationToken stop = default)
    {
        var list = scenarios?.ToList() ?? throw new ArgumentNullException(nameof(scenarios));
        if (_runs.Count == 0 && list.Count > 0)
        {
            // What a reader of the report asks first: how long the load was measured (after scaling).
            Parameter("measured", Scale(list.Max(s => s.Duration)));
        }

        var result = await RunAsync(list, stepName, progress, AbortCheck(), stop).ConfigureAwait(false);
        AddRun(result);
        if (result.TargetUnreachable)
        {
            // What it measured is kept and reported; the test fails on the error, not on a budget of failures.
            throw new SystemUnderTestUnreachableException($"Load stopped after {result.Duration.TotalSeconds:0.0} s: {result.AbortReason}");
        }

        return result;
    }

    /// <summary>
    /// As <see cref="RunLoadAsync"/>, but the run is not part of the test's evidence: for probing runs
    /// (the rungs of a stress ladder) whose result the workload reduces to metrics itself.
    /// </summary>
    public Task<LoadRunResult> RunUnrecordedAsync(IEnumerable<Scenario> scenarios, string stepName, bool progress = false, CancellationToken stop = default) =>
        RunAsync(scenarios, stepName, progress, abortWhen: null, stop);

    private async Task<LoadRunResult> RunAsync(
        IEnumerable<Scenario> scenarios, string stepName, bool progress, Func<ScenarioResult, string?>? abortWhen, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var list = scenarios.Select(s => _scaled ? s.ScaleStages(Settings.DurationScale) : s).ToList();
        var options = new LoadRunnerOptions
        {
            ProgressWriter = progress ? Progress : null,
            Progress = progress ? ProgressMode.Auto : ProgressMode.Never,
            AbortWhen = abortWhen,
            Shard = Settings.Shard,
        };
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken, stop);
        var result = await AllureContext.StepAsync(stepName, () => LoadRunner.RunAsync(list, options, linked.Token)).ConfigureAwait(false);
        await Output.WriteLineAsync(result.ToString()).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// The budget's <c>abort_on_fail</c> thresholds, checked every measured second on the scenario's
    /// figures so far; null when the budget has none (the run is then not watched at all).
    /// </summary>
    private Func<ScenarioResult, string?>? AbortCheck()
    {
        if (Budget is not { HasAbortRules: true } budget)
        {
            return null;
        }

        return soFar =>
        {
            var live = new LoadRunMeasurements(new LoadRunResult { StartedAt = default, Duration = soFar.Duration, IsCancelled = false, Scenarios = [soFar] });
            return BudgetEvaluator.FindAbort(budget, live, soFar.Duration) is { } lost
                ? $"{lost.Scope} {lost.Metric.Name} = {lost.ActualText} broke {lost.BrokenLimitText} [{lost.Budget.Location}]"
                : null;
        };
    }

    /// <summary>Adds a run measured outside <see cref="RunLoadAsync"/> (a drill's load) to the evidence.</summary>
    public void AddRun(LoadRunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        lock (_sync)
        {
            _runs.Add(run);
        }
    }

    /// <summary>Adds measurements the budget can judge beside the load runs (browser pages, a tool's own figures).</summary>
    public void AddMeasurements(IMeasurements measurements)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        lock (_sync)
        {
            _measurements.Add(measurements);
        }
    }

    /// <summary>
    /// A figure of the run (RTO, time to recover, lost writes) judged in the budget as <c>metric(name)</c>
    /// on <paramref name="scope"/>. NaN means "not measured": the budget reports it as not enough data.
    /// </summary>
    public void Metric(string scope, string name, double value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_sync)
        {
            if (!_metrics.TryGetValue(scope, out var metrics))
            {
                _metrics[scope] = metrics = new Dictionary<string, double>(StringComparer.Ordinal);
            }

            metrics[name] = value;
        }
    }

    /// <summary>
    /// A fault injected during the run, from <paramref name="from"/> to <paramref name="to"/> (null: until the
    /// end), shaded on the charts. A run with faults is compared with the baseline for the record, never
    /// failed on it: its latency follows the fault's timing, which the budget judges better.
    /// </summary>
    public void Fault(DateTimeOffset from, DateTimeOffset? to, string label) => AddMark(new RunMark(from, null, to, null, label, IsFault: true));

    /// <summary>As <see cref="Fault(DateTimeOffset, DateTimeOffset?, string)"/>, as offsets from the start of the measured load.</summary>
    public void Fault(TimeSpan from, TimeSpan? to, string label) => AddMark(new RunMark(null, from, null, to, label, IsFault: true));

    /// <summary>A window shaded on the charts that is not a fault (a burst, a phase), as offsets from the start of the measured load.</summary>
    public void Mark(TimeSpan from, TimeSpan? to, string label) => AddMark(new RunMark(null, from, null, to, label, IsFault: false));

    /// <summary>
    /// What must hold for the run to be judged at all (the drill saw writes, the probe saw sessions);
    /// an unmet expectation fails the test with <paramref name="message"/>, next to any budget breach.
    /// </summary>
    public void Expect(bool condition, string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        if (!condition)
        {
            lock (_sync)
            {
                _unmet.Add(message);
            }
        }
    }

    /// <summary>Writes <paramref name="text"/> to the test output and attaches it (text/plain) as <paramref name="name"/>.</summary>
    public void Note(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Output.WriteLine(text);
        AllureContext.Attach(name, text, "text/plain", "txt");
    }

    /// <summary>Attaches a file to the test's report (text content: csv, svg, json, markdown).</summary>
    public void Attach(string name, string content, string mimeType, string extension) => AllureContext.Attach(name, content, mimeType, extension);

    /// <summary>Attaches binary content (a screenshot) to the test's report.</summary>
    public void Attach(string name, byte[] content, string mimeType, string extension) => AllureContext.Attach(name, content, mimeType, extension);

    /// <summary>A parameter of the test in the report; mark run-specific values <paramref name="excluded"/> so history stays one line.</summary>
    public void Parameter(string name, object? value, bool excluded = false) => AllureContext.Parameter(name, value, excluded);

    /// <summary>A number trended across runs in the report (Allure metrics).</summary>
    public void Trend(string key, double value, string unit, MetricDirection direction = MetricDirection.LowerIsBetter)
    {
        if (double.IsFinite(value))
        {
            AllureContext.Metric(key, value, unit, direction);
        }
    }

    /// <summary>Runs <paramref name="body"/> as an Allure step of the test.</summary>
    public Task<T> StepAsync<T>(string name, Func<Task<T>> body) => AllureContext.StepAsync(name, body);

    internal Evidence Freeze()
    {
        lock (_sync)
        {
            return new Evidence(
                [.. _runs],
                [.. _measurements],
                _metrics.ToDictionary(m => m.Key, m => (IReadOnlyDictionary<string, double>)new Dictionary<string, double>(m.Value, StringComparer.Ordinal), StringComparer.Ordinal),
                [.. _marks],
                [.. _unmet]);
        }
    }

    /// <summary>Forgets what was gathered, before an inconclusive measurement is run again.</summary>
    internal void Reset()
    {
        lock (_sync)
        {
            _runs.Clear();
            _measurements.Clear();
            _metrics.Clear();
            _marks.Clear();
            _unmet.Clear();
        }
    }

    private void AddMark(RunMark mark)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mark.Label);
        lock (_sync)
        {
            _marks.Add(mark);
        }
    }

    /// <summary>What the workload gathered, frozen for the gates and exporters.</summary>
    internal sealed record Evidence(
        IReadOnlyList<LoadRunResult> Runs,
        IReadOnlyList<IMeasurements> Measurements,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Metrics,
        IReadOnlyList<RunMark> Marks,
        IReadOnlyList<string> Unmet);
}
