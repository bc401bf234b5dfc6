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
        Context = context;
        Window = new RunWindow(startTicks, startTicks + ToTicks(schedule.WarmUp), scenario.AutoWarmUp && schedule.WarmUp > TimeSpan.Zero);
        Iterations = new IterationRunner(scenario.Steps, recorder, options.TimeProvider, Window,
            new FailFastWatch(scenario.Name, options, abort, startTicks));
    }

    public Scenario Scenario { get; }

    public LoadRunnerOptions Options { get; }

    /// <summary>Which share of the schedule this process runs (<see cref="Shard.Whole"/>: all of it).</summary>
    public Shard Shard => Options.Shard;

    public TimeProvider Time => Options.TimeProvider;

    public LoadSchedule Schedule { get; }

    public ScenarioRecorder Recorder { get; }

    public ScenarioContext Context { get; }

    public IterationRunner Iterations { get; }

    /// <summary>The schedule's time zero and the end of warm-up (moved when an auto warm-up ends early).</summary>
    public RunWindow Window { get; }

    /// <summary>Timestamp (TimeProvider ticks) of the schedule's time zero.</summary>
    public long StartTicks => Window.StartTicks;

    /// <summary>Timestamp where measuring starts (end of warm-up).</summary>
    public long MeasureFromTicks => Window.MeasureFromTicks;

    public long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * Time.TimestampFrequency);
}
