namespace PerfTests;

/// <summary>A workload written inline as a delegate (drills, ladders, load with faults injected mid-run).</summary>
internal sealed class DelegateWorkload(Func<PerfRunContext, Task> run) : IWorkload
{
    public Task RunAsync(PerfRunContext context) => run(context);
}
