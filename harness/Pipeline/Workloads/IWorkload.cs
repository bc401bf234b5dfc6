namespace PerfTests;

/// <summary>
/// What a performance test runs: load scenarios, a stress ladder, browser pages, a failover drill.
/// It measures through its <see cref="PerfRunContext"/> (runs, metrics, fault windows, expectations);
/// the pipeline then judges and reports what it gathered, also after it failed or was cancelled.
/// </summary>
public interface IWorkload
{
    /// <summary>Runs the workload; <paramref name="context"/> carries the target, the settings and what was measured so far.</summary>
    Task RunAsync(PerfRunContext context);
}
