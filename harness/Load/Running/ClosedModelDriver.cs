using PerfTests;
using PerfTests.Load.Simulations;

namespace PerfTests.Load.Running;

/// <summary>
/// Closed model: keeps <see cref="LoadSchedule.TargetConcurrency"/> virtual users looping (a shard its
/// <see cref="Shard.ShareOf"/>). Worker i runs while i &lt; target; ramps start or retire workers at each tick.
/// </summary>
internal sealed class ClosedModelDriver(ScenarioRunContext run)
{
    private readonly List<Task> _workers = [];
    private int[] _running = [];
    private int _target;

    /// <summary>Ticks until the schedule ends or <paramref name="stop"/> fires; returns the workers to await.</summary>
    public async Task<IReadOnlyList<Task>> DriveAsync(CancellationToken stop, CancellationToken iterationToken)
    {
        _running = new int[run.Shard.ShareOf(run.Schedule.MaxConcurrency)];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var elapsed = run.Time.GetElapsedTime(run.StartTicks);
                if (elapsed >= run.Schedule.TotalDuration)
                {
                    break;
                }

                var target = Math.Min(run.Shard.ShareOf(run.Schedule.TargetConcurrency(elapsed)), _running.Length);
                Volatile.Write(ref _target, target);
                for (var i = 0; i < target; i++)
                {
                    if (Interlocked.CompareExchange(ref _running[i], 1, 0) == 0)
                    {
                        var id = i;
                        _workers.Add(Task.Run(() => WorkerAsync(id, stop, iterationToken), CancellationToken.None));
                    }
                }

                var wait = run.Options.ConcurrencyTick;
                var left = run.Schedule.TotalDuration - elapsed;
                await Task.Delay(wait < left ? wait : left, run.Time, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // End of schedule or cancellation: workers see the same token and stop after their iteration.
        }

        Volatile.Write(ref _target, 0);
        return _workers;
    }

    private async Task WorkerAsync(int id, CancellationToken stop, CancellationToken iterationToken)
    {
        var context = new StepContext(run.Context, id);
        while (true)
        {
            while (!stop.IsCancellationRequested && id < Volatile.Read(ref _target))
            {
                await run.Iterations.RunAsync(context, run.Time.GetTimestamp(), iterationToken).ConfigureAwait(false);
            }

            Volatile.Write(ref _running[id], 0);
            // Re-check: the controller may have raised the target while we were retiring.
            if (stop.IsCancellationRequested || id >= Volatile.Read(ref _target)
                || Interlocked.CompareExchange(ref _running[id], 1, 0) != 0)
            {
                return;
            }
        }
    }
}
