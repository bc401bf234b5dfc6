using NUnit.Framework;

namespace PerfTests;

/// <summary>
/// The settings of a performance run, read once per test run from the <c>.runsettings</c>
/// TestRunParameters, then environment variables, then the machine's settings file
/// (<c>~/.perftests.properties</c>, or the file <c>PERF_SETTINGS_FILE</c> names; keys are the run
/// parameters' names). The first source that sets a value wins; an empty one falls through. Validated all at once (<see cref="PerfSettingsException"/> lists every problem) and passed down
/// to every stage of <see cref="PerfTest"/>. Names: README "Settings".
/// </summary>
public sealed record PerfSettings
{
    private static readonly Lazy<PerfSettings> CurrentRun = new(() =>
        Read(name => TestContext.Parameters.Get(name), System.Environment.GetEnvironmentVariable,
            System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile)));

    private Func<string, string?> _parameter = _ => null;
    private Func<string, string?> _environment = _ => null;
    private SettingsFile? _file;

    /// <summary>
    /// The settings of this test run: NUnit's TestContext.Parameters, then environment variables, then
    /// the machine's settings file; read on first use and kept for the process.
    /// </summary>
    /// <exception cref="PerfSettingsException">A value is malformed (every problem listed).</exception>
    public static PerfSettings Current => CurrentRun.Value;

    /// <summary>Multiplier of every load stage a test runs (PR runs shrink, nightly grows); default 1, must be &gt; 0.</summary>
    public double DurationScale { get; init; } = 1;

    /// <summary>A running system to load instead of the one the test starts; null: the test's own target.</summary>
    public Uri? TargetUrl { get; init; }

    /// <summary>
    /// Hosts besides loopback that may receive load. The host of <see cref="TargetUrl"/> (and of a target
    /// the test names) is allowed without being listed here. Default none.
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>Path probed before load is sent to an external target; default "/" (any answer below 500 means ready).</summary>
    public string ReadinessPath { get; init; } = "/";

    /// <summary>
    /// The most one performance test may take, set-up to report (run parameter <c>TestTimeout</c>, e.g.
    /// 00:15:00); null (default) for no limit of its own. Past it the test stops its load, reports what it
    /// measured and ends broken, naming the limit, so its fixture still tears its environment down.
    /// </summary>
    public TimeSpan? TestTimeout { get; init; }

    /// <summary>
    /// Foreign CPU (used by processes that are not the run's, as a fraction of all cores, mean over the
    /// run) at or above which the machine counts as busy; default 0.25. A budget breach on a busy machine is
    /// judged again on the run's steady windows: it stands when most of them breach, else it is inconclusive.
    /// </summary>
    public double BusyMachineCpu { get; init; } = 0.25;

    /// <summary>How many times an inconclusive measurement is run again before the verdict is given; default 1 (0 to 3).</summary>
    public int InconclusiveReruns { get; init; } = 1;

    /// <summary>
    /// Which share of the load this process runs when one run is spread over machines: <c>PERF_SHARD=2/8</c>
    /// (a CI matrix), or <c>PERF_SHARD_COUNT</c> with a Kubernetes Indexed Job's <c>JOB_COMPLETION_INDEX</c>.
    /// Default <see cref="Shard.Whole"/> (all of it).
    /// </summary>
    public Shard Shard { get; init; } = Shard.Whole;

    /// <summary>Folder a shard writes its output to, one subfolder per test and shard (the merge reads them); null: <c>perf-shards</c> in the test's work directory.</summary>
    public string? ShardFolder { get; init; }

    /// <summary>
    /// When a sharded run starts its load (<c>PERF_SHARD_START_AT</c>, an ISO 8601 instant such as
    /// <c>2026-12-07T06:00:00Z</c>): shards set up on machines that start minutes apart (matrix jobs, pods)
    /// wait for it so their arrivals line up; a shard past it starts at once and the merge checks the gap.
    /// Null: each shard starts when it is ready. Ignored when the run is not sharded.
    /// </summary>
    public DateTimeOffset? ShardStartAt { get; init; }

    /// <summary>How long an external target may take to answer its readiness probe; default 10 s.</summary>
    public TimeSpan ReadinessTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Budget overlay applied on top of each budget file (<c>pr</c>, <c>nightly</c>, <c>local</c>); default <c>local</c>.</summary>
    public string BudgetOverlay { get; init; } = "local";

    /// <summary>Folder of the budget files; null: <c>budgets/</c> next to the test assembly, else the nearest one above it.</summary>
    public string? BudgetsFolder { get; init; }

    /// <summary>Length of the intervals whose p95s the baseline comparison tests; default 10 s (whole seconds, 1 to 3600).</summary>
    public TimeSpan BaselineInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Folder of earlier run summaries to compare with; null: no baseline comparison.</summary>
    public string? BaselineFolder { get; init; }

    /// <summary>Folder each run's summary is saved to; null: <c>perf-summaries</c> in the test's work directory.</summary>
    public string? SummaryFolder { get; init; }

    /// <summary>Whether a regression against the saved baseline fails the test; default <see cref="BaselineGateMode.Fail"/>.</summary>
    public BaselineGateMode BaselineGate { get; init; } = BaselineGateMode.Fail;

    /// <summary>Markdown file every test appends its summary to (e.g. $GITHUB_STEP_SUMMARY); null: none.</summary>
    public string? SummaryFile { get; init; }

    /// <summary>Side by side: configuration overrides of the in-process candidate only ("Key=Value;Key2=Value2"); default none.</summary>
    public IReadOnlyDictionary<string, string?> CandidateSettings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Side by side: a running baseline system (the candidate is then <see cref="TargetUrl"/>); null: both started by the test.</summary>
    public Uri? BaselineTargetUrl { get; init; }

    /// <summary>Side by side: full path of the baseline build's app .dll, run as a separate process; null: none.</summary>
    public string? BaselineApp { get; init; }

    /// <summary>The machine's settings file that was read (<c>~/.perftests.properties</c> or <c>PERF_SETTINGS_FILE</c>); null: none.</summary>
    public string? SettingsFilePath => _file?.Path;

    /// <summary>Scales a stage duration by <see cref="DurationScale"/>.</summary>
    public TimeSpan Scale(TimeSpan duration) => duration * DurationScale;

    /// <summary>
    /// A setting of the test's own (for example a hold length for one suite), from the same sources:
    /// run parameter <paramref name="parameter"/>, else environment variable <paramref name="variable"/>,
    /// else the settings file's line named <paramref name="parameter"/>; null when none sets it.
    /// </summary>
    public string? Custom(string parameter, string? variable = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parameter);
        return SettingsReader.Lookup(_parameter, _environment, _file, new SettingName(parameter, variable ?? ""), out _);
    }

    /// <summary>As <see cref="Custom"/>, parsed as a positive duration such as <c>00:01:30</c>; null when not set.</summary>
    /// <exception cref="PerfSettingsException">The value is not a positive TimeSpan; the message names where it came from.</exception>
    public TimeSpan? CustomDuration(string parameter, string? variable = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parameter);
        var problems = new List<string>();
        var value = new SettingsReader(_parameter, _environment, _file, problems).Duration(new SettingName(parameter, variable ?? ""));
        return problems.Count > 0 ? throw new PerfSettingsException(problems) : value;
    }

    /// <summary>
    /// Reads and validates every setting from a run-parameter source, then an environment source (no
    /// settings file). Use it to build settings in code (tests, tools); tests get <see cref="Current"/>.
    /// </summary>
    /// <exception cref="PerfSettingsException">Values are malformed; every problem is listed with where it came from.</exception>
    public static PerfSettings Read(Func<string, string?> runParameter, Func<string, string?> environmentVariable) =>
        Read(runParameter, environmentVariable, userHome: null);

    /// <summary>
    /// As <see cref="Read(Func{string, string?}, Func{string, string?})"/>, then the settings file:
    /// the one the environment's <c>PERF_SETTINGS_FILE</c> names, else <c>.perftests.properties</c>
    /// in <paramref name="userHome"/> when it exists.
    /// </summary>
    /// <exception cref="PerfSettingsException">Values or file lines are malformed; every problem is listed with where it came from.</exception>
    public static PerfSettings Read(Func<string, string?> runParameter, Func<string, string?> environmentVariable, string? userHome)
    {
        ArgumentNullException.ThrowIfNull(runParameter);
        ArgumentNullException.ThrowIfNull(environmentVariable);
        var problems = new List<string>();
        var file = SettingsFile.Locate(environmentVariable, userHome, problems);
        var settings = new SettingsReader(runParameter, environmentVariable, file, problems).ReadAll() with
        {
            _parameter = runParameter,
            _environment = environmentVariable,
            _file = file,
        };
        return problems.Count > 0 ? throw new PerfSettingsException(problems) : settings;
    }
}
