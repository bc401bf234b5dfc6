namespace PerfTests;

/// <summary>Scenarios built against the run's target, run together once: the common performance test.</summary>
internal sealed class LoadWorkload(Func<HttpTarget?, IEnumerable<Scenario>> scenarios) : IWorkload
{
    public async Task RunAsync(PerfRunContext context)
    {
        var built = scenarios(context.HttpOrNull).ToList();
        await context.RunLoadAsync(built).ConfigureAwait(false);
    }
}
