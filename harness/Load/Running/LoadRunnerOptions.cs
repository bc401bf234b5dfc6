namespace PerfTests.Load.Running;

/// <summary>Settings of a run (all optional).</summary>
public sealed class LoadRunnerOptions
{
    /// <summary>The clock for schedules, latency and the timeline. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The share of every scenario this process runs when one run is spread over machines (PERF_SHARD,
    /// a Kubernetes Indexed Job, a CI matrix). Default <see cref="Shard.Whole"/>: all of it.
    /// </summary>
    public Shard Shard { get; set; } = Shard.Whole;

    /// <summary>Live progress lines about once per second. Default <see cref="ProgressMode.Auto"/>.</summary>
    public ProgressMode Progress { get; set; } = ProgressMode.Auto;

    /// <summary>Where progress goes. Default <see cref="Console.Out"/>.</summary>
    public TextWriter? ProgressWriter { get; set; }

    /// <summary>How long in-flight iterations may finish after the last stage before they are cancelled. Default 10 s.</summary>
    public TimeSpan GracefulStop { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the closed model re-reads the target number of virtual users. Default 100 ms.</summary>
    public TimeSpan ConcurrencyTick { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Open model on the real clock: the last part of each wait for an arrival is spent yielding,
    /// not sleeping, because OS timers fire about 1 ms late and that lateness would be added to
    /// every corrected latency. Costs CPU on the dispatcher thread at high rates. Zero disables.
    /// Default 2 ms.
    /// </summary>
    public TimeSpan DispatchSpinWindow { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Recording stripes (memory grows with this, not with virtual users). Default 2 x cores, at least 2.</summary>
    public int RecorderStripes { get; set; } = Math.Max(2, Environment.ProcessorCount * 2);

    /// <summary>
    /// Asked once per measured second with a scenario's results so far; a reason (not null) stops the
    /// whole run early, as k6's <c>abortOnFail</c> does, and is kept in <see cref="Results.LoadRunResult.AbortReason"/>.
    /// Default none. It runs on the collecting thread: keep it to a budget check.
    /// </summary>
    public Func<Results.ScenarioResult, string?>? AbortWhen { get; set; }

    /// <summary>
    /// Fail fast on a dead target: when this many first iterations of a scenario all failed without
    /// reaching the target (connection refused, name not resolved), the run stops and
    /// <see cref="Results.LoadRunResult.TargetUnreachable"/> says so with the first error. 0 disables. Default 10.
    /// </summary>
    public int FailFastAfter { get; set; } = 10;

    /// <summary>The same, for slow schedules: every iteration of this first stretch failed to connect. Default 3 s.</summary>
    public TimeSpan FailFastWithin { get; set; } = TimeSpan.FromSeconds(3);

    internal bool ShouldPrintProgress => Progress switch
    {
        ProgressMode.Always => true,
        ProgressMode.Never => false,
        _ => !Console.IsOutputRedirected,
    };

    internal IEnumerable<string> Validate()
    {
        if (TimeProvider is null)
        {
            yield return "TimeProvider must not be null.";
        }

        if (GracefulStop < TimeSpan.Zero)
        {
            yield return $"GracefulStop must be >= 0 (was {GracefulStop}).";
        }

        if (ConcurrencyTick <= TimeSpan.Zero)
        {
            yield return $"ConcurrencyTick must be > 0 (was {ConcurrencyTick}).";
        }

        if (DispatchSpinWindow < TimeSpan.Zero)
        {
            yield return $"DispatchSpinWindow must be >= 0 (was {DispatchSpinWindow}).";
        }

        if (FailFastAfter < 0)
        {
            yield return $"FailFastAfter must be >= 0 (was {FailFastAfter}).";
        }

        if (FailFastWithin <= TimeSpan.Zero)
        {
            yield return $"FailFastWithin must be > 0 (was {FailFastWithin}).";
        }

        if (Shard is null)
        {
            yield return "Shard must not be null (Shard.Whole for a run on one machine).";
        }

        if (RecorderStripes < 1)
        {
            yield return $"RecorderStripes must be >= 1 (was {RecorderStripes}).";
        }
    }
}
