using PerfTests.Load.Http;
using PerfTests.Load.Results;
using PerfTests.Load.Running;
using PerfTests;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Spike;

/// <summary>Runs a spike plan against the portal and adds the spike's own metrics for the budget.</summary>
internal static class SpikeRun
{
    /// <summary>Runs steady + burst; the measurements carry <c>metric(time_to_recover)</c> (ms) on the steady scenario.</summary>
    public static async Task<(LoadRunResult Run, LoadRunMeasurements Measurements, TimeSpan Recovery, bool Recovered)> RunAsync(
        Uri baseAddress, SpikePlan plan, TextWriter? progress, CancellationToken cancellationToken)
    {
        using var http = new HttpStepClient(new HttpStepOptions { MaxConnectionsPerServer = 256 });
        var scenarios = SpikeScenarios.Build(new PortalSteps(http, baseAddress), plan);
        var run = await LoadRunner.RunAsync(scenarios, new LoadRunnerOptions { ProgressWriter = progress, Progress = progress is null ? ProgressMode.Never : ProgressMode.Auto }, cancellationToken).ConfigureAwait(false);
        var recovery = SpikeRecovery.Measure(run[SpikeScenarios.Steady].Timeline, plan, out var recovered);
        var measurements = new LoadRunMeasurements(run)
            .WithMetric(SpikeScenarios.Steady, "time_to_recover", recovery.TotalMilliseconds);
        return (run, measurements, recovery, recovered);
    }
}
