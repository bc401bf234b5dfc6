using System.Threading.Channels;
using PerfTests;

namespace PerfTests.Load.Running;

/// <summary>
/// Open model: dispatches each arrival at its intended time (from the schedule, never from when
/// the previous request finished) to a pool of workers. An arrival that finds the workers busy
/// waits in a bounded queue, its wait counted in the corrected latency (wrk2); when the queue is
/// full too it is dropped and counted (k6 dropped_iterations). Nothing is silently lost.
/// </summary>
internal sealed class OpenModelDriver(ScenarioRunContext run)
{
    private readonly Channel<long> _arrivals = Channel.CreateUnbounded<long>(
        new UnboundedChannelOptions { SingleWriter = true, SingleReader = false });

    // Arrivals accepted but not finished (queued + running); capacity = workers + queue.
    private long _pending;

    public IReadOnlyList<Task> StartWorkers(CancellationToken iterationToken)
    {
        var count = (int)Math.Min(run.Scenario.MaxWorkers, Math.Max(1, run.Schedule.TotalArrivals));
        var workers = new Task[count];
        for (var i = 0; i < count; i++)
        {
            var id = i;
            workers[i] = Task.Run(() => WorkerAsync(id, iterationToken), CancellationToken.None);
        }

        return workers;
    }

    /// <summary>
    /// Dispatches every arrival of the schedule, stopping early only when the run is cancelled.
    /// Deliberately not tied to the end-of-schedule token: an arrival that became due before the
    /// end but was dispatched late (a stalled dispatcher) must still start or be counted.
    /// </summary>
    public async Task DispatchAsync(CancellationToken cancellation)
    {
        // In long: WithCapacity(workers, int.MaxValue) would overflow int and drop every arrival.
        var capacity = (long)run.Scenario.MaxWorkers + run.Scenario.MaxQueuedArrivals;
        var frequency = run.Time.TimestampFrequency;
        try
        {
            for (long k = 0; !cancellation.IsCancellationRequested; k++)
            {
                if (run.Schedule.ArrivalTime(k) is not { } intended)
                {
                    break;
                }

                await WaitUntilAsync(intended, cancellation).ConfigureAwait(false);

                var intendedTicks = run.StartTicks + (long)(intended.TotalSeconds * frequency);
                if (Interlocked.Increment(ref _pending) > capacity)
                {
                    Interlocked.Decrement(ref _pending);
                    CountDropped(intendedTicks);
                }
                else
                {
                    _arrivals.Writer.TryWrite(intendedTicks);
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Cancelled run: stop dispatching; DropLeftovers counts what stayed queued.
        }

        _arrivals.Writer.TryComplete();
    }

    /// <summary>
    /// Waits until <paramref name="intended"/> (elapsed since start). Timers on Linux fire about
    /// 1 ms late, which would add 1 ms to every corrected latency; on the real clock the last
    /// <see cref="LoadRunnerOptions.DispatchSpinWindow"/> is spent yielding instead of sleeping.
    /// </summary>
    private async ValueTask WaitUntilAsync(TimeSpan intended, CancellationToken cancellation)
    {
        var wait = intended - run.Time.GetElapsedTime(run.StartTicks);
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        var spin = ReferenceEquals(run.Time, TimeProvider.System) ? run.Options.DispatchSpinWindow : TimeSpan.Zero;
        if (wait > spin)
        {
            await Task.Delay(wait - spin, run.Time, cancellation).ConfigureAwait(false);
        }

        while (run.Time.GetElapsedTime(run.StartTicks) < intended)
        {
            cancellation.ThrowIfCancellationRequested();
            Thread.Yield();
        }
    }

    /// <summary>After the workers stopped: arrivals still queued (cancelled run) never started, so they count as dropped.</summary>
    public void DropLeftovers()
    {
        while (_arrivals.Reader.TryRead(out var intendedTicks))
        {
            CountDropped(intendedTicks);
        }
    }

    private void CountDropped(long intendedTicks)
    {
        if (intendedTicks >= run.MeasureFromTicks)
        {
            run.Recorder.RecordDropped();
        }
    }

    private async Task WorkerAsync(int id, CancellationToken iterationToken)
    {
        var context = new StepContext(run.Context, id);
        var reader = _arrivals.Reader;
        try
        {
            while (await reader.WaitToReadAsync(iterationToken).ConfigureAwait(false))
            {
                while (!iterationToken.IsCancellationRequested && reader.TryRead(out var intendedTicks))
                {
                    try
                    {
                        await run.Iterations.RunAsync(context, intendedTicks, iterationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _pending);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (iterationToken.IsCancellationRequested)
        {
            // Cancelled run: leftovers are counted by DropLeftovers.
        }
    }
}
