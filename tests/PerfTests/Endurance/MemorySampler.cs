namespace PerfTests.Suites.Endurance;

/// <summary>
/// Samples the process's memory every <c>interval</c> (default 1 s) while a run goes on. Every
/// <c>settleEvery</c>-th sample first forces a full collection, so that leak slopes are fitted on
/// live memory rather than on the GC's sawtooth. The portal runs in-process on Kestrel, so these
/// numbers include the load engine too (its per-second timeline grows slowly and legitimately).
/// </summary>
internal sealed class MemorySampler(TimeProvider timeProvider, TimeSpan interval, int settleEvery = 5)
{
    private readonly List<MemorySample> _samples = [];

    /// <summary>Samples so far (read after <see cref="RunAsync"/> completed).</summary>
    public IReadOnlyList<MemorySample> Samples => _samples;

    /// <summary>Samples until cancelled; returns normally on cancellation.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var start = timeProvider.GetTimestamp();
        using var timer = new PeriodicTimer(interval, timeProvider);
        var count = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                _samples.Add(Read(timeProvider.GetElapsedTime(start), ++count % settleEvery == 0));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run is over: the samples taken are the result.
        }
    }

    private static MemorySample Read(TimeSpan at, bool settle)
    {
        var live = GC.GetTotalMemory(forceFullCollection: settle);
        return new MemorySample(at, GC.GetGCMemoryInfo().HeapSizeBytes, live, System.Environment.WorkingSet, settle);
    }
}
