using PerfTests.Analysis.Baselines;
using PerfTests.Budgets;
using PerfTests.Exporters;
using PerfTests.Gates;
using PerfTests.Load.Results;
using PerfTests.Resources;

namespace PerfTests;

/// <summary>
/// Everything one performance test measured and how it was judged: the runs, the budget report, the
/// baseline comparison, the resources and their bottleneck hint, a drill's figures, each gate's
/// verdict, and what the report could not write. <see cref="Assert"/> fails the test once, listing
/// every breach and regression.
/// </summary>
public sealed class PerfResult
{
    internal PerfResult(string name, TestIdentity test, PerfSettings settings)
    {
        Name = name;
        Test = test;
        Settings = settings;
    }

    /// <summary>The test's name in the pipeline: its budget file (budgets/&lt;name&gt;.yaml) unless another was named.</summary>
    public string Name { get; }

    /// <summary>The NUnit test the run belongs to.</summary>
    public TestIdentity Test { get; }

    /// <summary>The settings the run used.</summary>
    public PerfSettings Settings { get; }

    /// <summary>Every load run of the test, in order; empty for a browser-only test.</summary>
    public IReadOnlyList<LoadRunResult> Runs { get; internal set; } = [];

    /// <summary>The first load run (the one charted, summarised and compared), or null.</summary>
    public LoadRunResult? Run => Runs.Count > 0 ? Runs[0] : null;

    /// <summary>Everything the budget reads: runs, pages, the test's metrics and the resources.</summary>
    public IMeasurements Measurements { get; internal set; } = new RunMeasurements([], new Dictionary<string, IReadOnlyDictionary<string, double>>(), new Dictionary<string, double>());

    /// <summary>The test's own figures by scope (RTO, time to recover), as <c>metric(name)</c> sees them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Metrics { get; internal set; } = new Dictionary<string, IReadOnlyDictionary<string, double>>();

    /// <summary>Resources sampled while the test ran, or null when nothing was sampled.</summary>
    public ResourceReport? Resources { get; internal set; }

    /// <summary>Resources saturated during the run ("DB connection pool exhausted: ..."), or null.</summary>
    public string? BottleneckHint { get; internal set; }

    /// <summary>Windows shaded on the charts (faults, phases), as offsets from the measured start of <see cref="Run"/>.</summary>
    public IReadOnlyList<TimelineMark> Marks { get; internal set; } = [];

    /// <summary>Whether faults were injected (the baseline comparison is then reported, never enforced).</summary>
    public bool HasFaults { get; internal set; }

    /// <summary>Expectations of the workload that did not hold.</summary>
    public IReadOnlyList<string> UnmetExpectations { get; internal set; } = [];

    /// <summary>The summary of <see cref="Run"/> saved for later baselines (histograms, intervals), or null.</summary>
    public RunSummary? Summary { get; internal set; }

    /// <summary>The budget file as loaded (with its overlay), or null when the test has none.</summary>
    public Budget? BudgetFile { get; internal set; }

    /// <summary>Each gate's verdict, in the order they judged.</summary>
    public IReadOnlyList<GateResult> Gates { get; internal set; } = [];

    /// <summary>The budget judgement, or null when the test has no budget.</summary>
    public BudgetReport? Budget => Gates.Select(g => g.Detail).OfType<BudgetReport>().FirstOrDefault();

    /// <summary>The comparison with the saved baseline, or null when none was made.</summary>
    public BaselineCheck? Baseline => Gates.FirstOrDefault(g => g.Gate == SavedBaselineGate.GateName)?.Detail as BaselineCheck;

    /// <summary>Exporters that failed (the verdict stands; their output is missing from the report).</summary>
    public IReadOnlyList<string> ReportProblems { get; internal set; } = [];

    /// <summary>Whether a budget breach was judged again because the environment was disturbed, and how; null when it was not.</summary>
    internal BreachRecheck? Recheck { get; set; }

    /// <summary>What the earlier attempts ended as, when an inconclusive measurement was run again (<see cref="PerfSettings.InconclusiveReruns"/>).</summary>
    public IReadOnlyList<string> EarlierAttempts { get; internal set; } = [];

    /// <summary>
    /// Failed if any gate failed, Inconclusive when the only failure is a budget breach that does not hold
    /// on the steady windows of a disturbed run, Warned if any gate warned, else Passed.
    /// </summary>
    public PerfVerdict Verdict =>
        IsInconclusive ? PerfVerdict.Inconclusive
        : Gates.Any(g => g.Verdict == GateVerdict.Failed) ? PerfVerdict.Failed
        : Gates.Any(g => g.Verdict == GateVerdict.Warned) ? PerfVerdict.Warned
        : PerfVerdict.Passed;

    /// <summary>The one failure message (every failed gate, the budget breach first), or null when nothing failed.</summary>
    public string? FailureMessage => IsInconclusive ? null : VerdictMessages.Failure(this);

    /// <summary>Why the verdict is Inconclusive (what disturbed the run, with the figures), else null.</summary>
    public string? InconclusiveMessage => IsInconclusive ? VerdictMessages.Inconclusive(this) : null;

    private bool IsInconclusive =>
        Recheck is { BreachStands: false }
        && Gates.Where(g => g.Verdict == GateVerdict.Failed).All(g => g.Gate == BudgetGate.GateName);

    /// <summary>The warning message when <see cref="Verdict"/> is Warned, else null.</summary>
    public string? WarningMessage => Verdict == PerfVerdict.Warned ? VerdictMessages.Warning(this) : null;

    /// <summary>
    /// Fails the NUnit test with <see cref="FailureMessage"/> when any gate failed, ends it inconclusive
    /// with <see cref="InconclusiveMessage"/>, or records
    /// <see cref="WarningMessage"/> as a warning. <see cref="PerfTest.RunAsync"/> calls it after the
    /// exporters ran; call it yourself after <see cref="PerfTest.EvaluateAsync"/>.
    /// </summary>
    public void Assert()
    {
        if (FailureMessage is { } failure)
        {
            NUnit.Framework.Assert.Fail(Secrets.Scrub(failure));
        }

        if (InconclusiveMessage is { } inconclusive)
        {
            // "Inconclusive: " first: the report files it under "Environment failure", not "Budget breach".
            NUnit.Framework.Assert.Inconclusive(Secrets.Scrub(inconclusive));
        }

        if (WarningMessage is { } warning)
        {
            // "Warning: " first: TRX records a warning as not executed, like an ignored test, and the CI
            // summary tells them apart by it (scripts/summarize-trx.sh).
            NUnit.Framework.Assert.Warn(Secrets.Scrub("Warning: " + warning));
        }
    }

    /// <summary>One line per gate, for logs.</summary>
    public override string ToString() =>
        $"{Name}: {Verdict}" + string.Concat(Gates.Select(g => $"{System.Environment.NewLine}  {g.Gate}: {g.Verdict}: {g.Summary}"));
}
