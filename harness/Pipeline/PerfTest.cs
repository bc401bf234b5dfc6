using PerfTests.Exporters;
using PerfTests.Gates;
using PerfTests.Load.Http;
using PerfTests.Resources;

namespace PerfTests;

/// <summary>
/// The front door: one performance test, composed and run. A test names its budget, its target and
/// what runs; the pipeline reads the settings once, checks the budget and the target before any load,
/// scales the load to the profile, samples resources, judges (budget, saved baseline, expectations,
/// any gates added), writes the report (overview first), and asserts once.
/// <code>
/// await PerfTest.Create("orders")                       // judged by budgets/orders.yaml
///     .Target("http://127.0.0.1:5000")                 // or TargetUrl in the runsettings
///     .Load(http => Scenario.Create("list", http.Get("list", "/api/orders"))
///         .WithLoadSimulations(LoadSimulation.ConstantRate(50, TimeSpan.FromMinutes(1))))
///     .RunAsync();
/// </code>
/// </summary>
public sealed class PerfTest
{
    private readonly List<Func<PerfRunContext, Task>> _setup = [];
    private readonly List<IWorkload> _workloads = [];
    private readonly List<IResourceSource> _resources = [];
    private readonly List<IExporter> _exporters = [.. DefaultExporters.All];
    private readonly List<IGate> _gates = [new BudgetGate(), new ExpectationsGate(), new SavedBaselineGate()];
    private readonly List<(string Name, object? Value, bool Excluded)> _parameters = [];
    private readonly List<Action<HttpStepOptions>> _http = [];

    private PerfTest(string name)
    {
        Name = name;
        BudgetName = name;
    }

    /// <summary>The test's name in the pipeline; also its budget file unless <see cref="Budget"/> names another.</summary>
    public string Name { get; }

    internal string? BudgetName { get; private set; }

    internal IReadOnlyList<string> BudgetScopes { get; private set; } = [];

    internal PerfSettings? Settings { get; private set; }

    internal ISystemUnderTest? System { get; private set; }

    internal bool Scaled { get; private set; } = true;

    internal IReadOnlyList<Func<PerfRunContext, Task>> SetupSteps => _setup;

    internal IReadOnlyList<IWorkload> Workloads => _workloads;

    internal IReadOnlyList<IResourceSource> ResourceSources => _resources;

    internal IReadOnlyList<IExporter> Exporters => _exporters;

    internal IReadOnlyList<IGate> Gates => _gates;

    internal IReadOnlyList<(string Name, object? Value, bool Excluded)> Parameters => _parameters;

    internal IReadOnlyList<Action<HttpStepOptions>> HttpOptions => _http;

    /// <summary>Starts a performance test judged by <c>budgets/&lt;name&gt;.yaml</c>.</summary>
    /// <param name="name">Letters, digits, '.', '-', '_': a file name, never a path.</param>
    public static PerfTest Create(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        BudgetLocator.EnsureFileName(name);
        return new PerfTest(name);
    }

    /// <summary>Settings to use instead of <see cref="PerfSettings.Current"/> (the run's runsettings and environment).</summary>
    public PerfTest WithSettings(PerfSettings settings)
    {
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        return this;
    }

    /// <summary>The system to load: a running one at <paramref name="baseAddress"/>, probed before any load. TargetUrl in the settings wins.</summary>
    public PerfTest Target(Uri baseAddress) => Target(new ExternalSystemUnderTest(baseAddress ?? throw new ArgumentNullException(nameof(baseAddress))));

    /// <summary>As <see cref="Target(Uri)"/>, from text such as "http://127.0.0.1:5000".</summary>
    public PerfTest Target(string baseAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseAddress);
        return Uri.TryCreate(baseAddress, UriKind.Absolute, out var uri)
            ? Target(uri)
            : throw new ArgumentException($"The target '{baseAddress}' is not an absolute http(s) URL.", nameof(baseAddress));
    }

    /// <summary>The system to load: one the test started (the user's app in-process) or a running one. TargetUrl in the settings wins.</summary>
    public PerfTest Target(ISystemUnderTest system)
    {
        System = system ?? throw new ArgumentNullException(nameof(system));
        return this;
    }

    /// <summary>
    /// Work done before anything is measured or sampled (k6's setup): warm a cache, log users in, prime
    /// data. Runs after the budget and the target were checked; steps run in the order given.
    /// </summary>
    public PerfTest Setup(Func<PerfRunContext, Task> setup)
    {
        _setup.Add(setup ?? throw new ArgumentNullException(nameof(setup)));
        return this;
    }

    /// <summary>Scenarios that need no target (their steps know where they go).</summary>
    public PerfTest Load(params Scenario[] scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        return Run(new LoadWorkload(_ => scenarios));
    }

    /// <summary>One scenario built against the target's HTTP steps.</summary>
    public PerfTest Load(Func<HttpTarget, Scenario> scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Run(new LoadWorkload(http => [scenario(Required(http))]));
    }

    /// <summary>Scenarios built against the target's HTTP steps, run together.</summary>
    public PerfTest Load(Func<HttpTarget, IEnumerable<Scenario>> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        return Run(new LoadWorkload(http => scenarios(Required(http))));
    }

    /// <summary>A workload of its own (a drill, a ladder, load with a fault injected mid-run). Workloads run one after another.</summary>
    public PerfTest Run(Func<PerfRunContext, Task> workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return Run(new DelegateWorkload(workload));
    }

    /// <summary>As <see cref="Run(Func{PerfRunContext, Task})"/>, for a workload type (browser pages, a failover drill).</summary>
    public PerfTest Run(IWorkload workload)
    {
        _workloads.Add(workload ?? throw new ArgumentNullException(nameof(workload)));
        return this;
    }

    /// <summary>Resources to sample every second besides the test process (a database, the app's metrics); disposed after the run.</summary>
    public PerfTest WithResources(params IResourceSource[] sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _resources.AddRange(sources);
        return this;
    }

    /// <summary>An exporter run after the default ones (<see cref="DefaultExporters"/>).</summary>
    public PerfTest WithExporter(IExporter exporter)
    {
        _exporters.Add(exporter ?? throw new ArgumentNullException(nameof(exporter)));
        return this;
    }

    /// <summary>A gate judged after the default ones (budget, expectations, saved baseline).</summary>
    public PerfTest WithGate(IGate gate)
    {
        _gates.Add(gate ?? throw new ArgumentNullException(nameof(gate)));
        return this;
    }

    /// <summary>
    /// Judges the run as a side-by-side A/B: scenarios in pairs "name@baseline" / "name@candidate", compared
    /// request by request (<see cref="SideBySideGate"/>) instead of against a saved baseline.
    /// </summary>
    public PerfTest SideBySide(SideBySideGate? gate = null)
    {
        _gates.RemoveAll(g => g is SavedBaselineGate);
        _gates.Add(gate ?? new SideBySideGate());
        return this;
    }

    /// <summary>
    /// Judges the run by <c>budgets/&lt;name&gt;.yaml</c> instead of the test's own name; with
    /// <paramref name="scenarios"/>, by those scenarios of the file only (one test per page of a shared
    /// budget). Naming a scenario the file lacks fails before anything runs.
    /// </summary>
    public PerfTest Budget(string name, params string[] scenarios)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(scenarios);
        BudgetLocator.EnsureFileName(name);
        BudgetName = name;
        BudgetScopes = [.. scenarios];
        return this;
    }

    /// <summary>No budget file: the other gates judge (a side-by-side comparison, expectations).</summary>
    public PerfTest WithoutBudget()
    {
        BudgetName = null;
        return this;
    }

    /// <summary>Runs every stage at its written length whatever the profile's DurationScale (opt-out: the scale applies by default).</summary>
    public PerfTest Unscaled()
    {
        Scaled = false;
        return this;
    }

    /// <summary>A parameter shown with the test in the report; mark run-specific values <paramref name="excluded"/> so its history stays one line.</summary>
    public PerfTest Parameter(string name, object? value, bool excluded = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _parameters.Add((name, value, excluded));
        return this;
    }

    /// <summary>Connection settings of the target's HTTP steps (connections per server, timeouts); the allow-list comes from the settings.</summary>
    public PerfTest WithHttp(Action<HttpStepOptions> configure)
    {
        _http.Add(configure ?? throw new ArgumentNullException(nameof(configure)));
        return this;
    }

    /// <summary>
    /// Runs the test, writes its report and asserts once: the test fails listing every breach and
    /// regression, or warns. Exporters always ran before the assertion.
    /// </summary>
    /// <exception cref="PerfSettingsException">The settings are malformed (before anything ran).</exception>
    /// <exception cref="SystemUnderTestUnreachableException">The target did not answer (before any load).</exception>
    public async Task<PerfResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var result = await EvaluateAsync(cancellationToken).ConfigureAwait(false);
        result.Assert();
        return result;
    }

    /// <summary>Runs, judges and reports without asserting: for tests that expect a breach and check it themselves.</summary>
    public Task<PerfResult> EvaluateAsync(CancellationToken cancellationToken = default) =>
        new PerfRun(this).ExecuteAsync(cancellationToken);

    private static HttpTarget Required(HttpTarget? http) => http ?? throw new InvalidOperationException(
        "This performance test has no target: call PerfTest.Target(...) or set the run parameter TargetUrl (PERF_TARGET_URL).");
}
