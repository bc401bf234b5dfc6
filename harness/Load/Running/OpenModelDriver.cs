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
    private readonly Channel<Arrival> _arrivals = Channel.CreateUnbounded<Arrival>(
        new UnboundedChannelOptions { SingleWriter = true, SingleReader = false });

    // Arrivals accepted but not finished (queued + running); capacity = workers + queue.
    private long _pending;

    public IReadOnlyList<Task> StartWorkers(CancellationToken iterationToken)
    {
        var count = (int)Math.Min(Math.Max(1, run.Shard.ShareOf(run.Scenario.MaxWorkers)), Math.Max(1, run.Schedule.TotalArrivals));
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
        // A shard has its share of the capacity, as of the arrivals (k6 splits maxVUs by segment too).
        var shard = run.Shard;
        var capacity = (long)Math.Max(1, shard.ShareOf(run.Scenario.MaxWorkers)) + shard.ShareOf(run.Scenario.MaxQueuedArrivals);
        var frequency = run.Time.TimestampFrequency;
        // Arrivals before this one belong to the warm-up, whatever the clock says when they are sent.
        var warmUpArrivals = run.Schedule.ArrivalsDue(run.Schedule.WarmUp);
        try
        {
            // k is the arrival's index in the single-machine schedule; a shard sends every Count-th one.
            for (long k = shard.Index; !cancellation.IsCancellationRequested; k += shard.Count)
            {
                // An auto warm-up that ended early skips the rest of its arrivals (never sent late as a burst).
                k = Math.Max(k, shard.FirstOwnedFrom(run.Window.FirstArrivalToSend));
                if (run.Schedule.ArrivalTime(k) is not { } intended)
                {
                    break;
                }

                await WaitUntilAsync(intended, cancellation).ConfigureAwait(false);
                if (k < run.Window.FirstArrivalToSend)
                {
                    // The warm-up ended while we waited for one of its arrivals: resume where measuring starts.
                    k -= shard.Count;
                    continue;
                }

                var arrival = new Arrival(run.StartTicks + (long)(intended.TotalSeconds * frequency), WarmUp: k < warmUpArrivals);
                if (Interlocked.Increment(ref _pending) > capacity)
                {
                    Interlocked.Decrement(ref _pending);
                    CountDropped(arrival);
                }
                else
                {
                    _arrivals.Writer.TryWrite(arrival);
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
            var delay = Task.Delay(wait - spin, run.Time, cancellation);
            if (run.Window.AutoWarmUp && !run.Window.WarmUpEndedEarly.IsCompleted)
            {
                // An auto warm-up may end while we wait: the schedule's clock then jumps, so wake and look again.
                if (await Task.WhenAny(delay, run.Window.WarmUpEndedEarly).ConfigureAwait(false) != delay)
                {
                    return;
                }
            }

            await delay.ConfigureAwait(false);
        }

        while (run.Time.GetElapsedTime(run.StartTicks) is var now && now < intended)
        {
            cancellation.ThrowIfCancellationRequested();
            if (spin == TimeSpan.Zero)
            {
                // Timers of other clocks may round a due time down (FakeTimeProvider keeps whole milliseconds),
                // and such a clock moves only when its owner advances it, maybe on this very thread: so wait
                // again, rounded up to a millisecond, and never spin (the thread would never see time move).
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling((intended - now).TotalMilliseconds)), run.Time, cancellation).ConfigureAwait(false);
                continue;
            }

            Thread.Yield();
        }
    }

    /// <summary>After the workers stopped: arrivals still queued (cancelled run) never started, so they count as dropped.</summary>
    public void DropLeftovers()
    {
        while (_arrivals.Reader.TryRead(out var arrival))
        {
            CountDropped(arrival);
        }
    }

    private void CountDropped(Arrival arrival)
    {
        if (!arrival.WarmUp && arrival.IntendedTicks >= run.MeasureFromTicks)
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
                while (!iterationToken.IsCancellationRequested && reader.TryRead(out var arrival))
                {
                    try
                    {
                        await run.Iterations.RunAsync(context, arrival.IntendedTicks, iterationToken, arrival.WarmUp).ConfigureAwait(false);
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

    /// <summary>One arrival: when it was intended, and whether the schedule put it in the warm-up.</summary>
    private readonly record struct Arrival(long IntendedTicks, bool WarmUp);
}
