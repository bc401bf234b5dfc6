using PerfTests;
using PerfTests.Load.Simulations;

namespace PerfTests.Load.Running;

/// <summary>What the drivers of one scenario run share (read-only after construction).</summary>
internal sealed class ScenarioRunContext
{
    public ScenarioRunContext(
        Scenario scenario, ScenarioContext context, LoadRunnerOptions options, LoadSchedule schedule, ScenarioRecorder recorder, long startTicks, RunAbort abort)
    {
        Scenario = scenario;
        Options = options;
        Schedule = schedule;
        Recorder = recorder;
        StartTicks = startTicks;
        Context = context;
        MeasureFromTicks = startTicks + ToTicks(schedule.WarmUp);
        Iterations = new IterationRunner(scenario.Steps, recorder, options.TimeProvider, MeasureFromTicks,
            new FailFastWatch(scenario.Name, options, abort, startTicks));
    }

    public Scenario Scenario { get; }

    public LoadRunnerOptions Options { get; }

    public TimeProvider Time => Options.TimeProvider;

    public LoadSchedule Schedule { get; }

    public ScenarioRecorder Recorder { get; }

    public ScenarioContext Context { get; }

    public IterationRunner Iterations { get; }

    /// <summary>Timestamp (TimeProvider ticks) of the schedule's time zero.</summary>
    public long StartTicks { get; }

    /// <summary>Timestamp where measuring starts (end of warm-up).</summary>
    public long MeasureFromTicks { get; }

    public long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * Time.TimestampFrequency);
}
