using PerfTests.Load.Results;
using PerfTests;
using PerfTests.Load.Simulations;

namespace PerfTests.Load.Running;

/// <summary>Runs one scenario: init, load (closed and/or open drivers), graceful stop, clean.</summary>
internal static class ScenarioRun
{
    public static async Task<ScenarioResult> RunAsync(
        Scenario scenario, LoadRunnerOptions options, ProgressPrinter? printer, RunAbort abort)
    {
        var ct = abort.Token;
        var time = options.TimeProvider;
        var context = new ScenarioContext(scenario.Name, options.Shard);
        var schedule = LoadSchedule.Build(scenario.LoadSimulations, scenario.WarmUp, scenario.Seed);
        var recorder = new ScenarioRecorder([.. scenario.Steps.Select(s => s.Name)], options.RecorderStripes, time.TimestampFrequency);
        var collector = new ScenarioCollector(recorder);
        try
        {
            if (!await InitAsync(scenario, context, ct).ConfigureAwait(false))
            {
                collector.CollectSecond(0, keepPoint: false);
                return collector.BuildResult(scenario.Name, TimeSpan.Zero);
            }

            var run = new ScenarioRunContext(scenario, context, options, schedule, recorder, time.GetTimestamp(), abort);
            var measured = await LoadAsync(run, collector, printer, abort).ConfigureAwait(false);
            return collector.BuildResult(scenario.Name, measured) with
            {
                WarmUp = TimeSpan.FromSeconds(run.Window.WarmUpTicks / (double)time.TimestampFrequency),
                WarmUpSteadiness = run.Window.WarmUpSteadiness,
            };
        }
        finally
        {
            if (scenario.Clean is { } clean)
            {
                // Clean always runs, with its own token: a cancelled run must still tear down.
                await clean(context, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static async Task<bool> InitAsync(Scenario scenario, ScenarioContext context, CancellationToken ct)
    {
        if (scenario.Init is not { } init)
        {
            return !ct.IsCancellationRequested;
        }

        try
        {
            await init(context, ct).ConfigureAwait(false);
            return !ct.IsCancellationRequested;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InvalidOperationException($"Init of scenario '{scenario.Name}' failed: {ex.GetType().Name}: {ex.Message}", ex);
        }
    }

    private static async Task<TimeSpan> LoadAsync(
        ScenarioRunContext run, ScenarioCollector collector, ProgressPrinter? printer, RunAbort abort)
    {
        var ct = abort.Token;
        var time = run.Time;
        using var scheduleEnd = new CancellationTokenSource(run.Schedule.TotalDuration, time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, scheduleEnd.Token);
        using var iterations = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var collecting = CollectLoopAsync(run, collector, printer, abort, scheduleEnd, stop.Token);

        var workers = new List<Task>();
        var open = run.Schedule.HasOpenModel ? new OpenModelDriver(run) : null;
        var closed = run.Schedule.HasClosedModel ? new ClosedModelDriver(run) : null;
        var dispatching = Task.CompletedTask;
        if (open is not null)
        {
            workers.AddRange(open.StartWorkers(iterations.Token));
            dispatching = open.DispatchAsync(ct);
        }

        if (closed is not null)
        {
            workers.AddRange(await closed.DriveAsync(stop.Token, iterations.Token).ConfigureAwait(false));
        }

        await dispatching.ConfigureAwait(false);
        // The last arrival may come well before the end (0.5/s): the run still lasts the schedule.
        await WaitForAsync(time, stop.Token).ConfigureAwait(false);
        var loadEndTicks = Math.Min(time.GetTimestamp(), run.StartTicks + run.ToTicks(run.Schedule.TotalDuration));

        await GracefulStopAsync(Task.WhenAll(workers), run.Options.GracefulStop, time, iterations, ct).ConfigureAwait(false);
        open?.DropLeftovers();
        var seconds = await collecting.ConfigureAwait(false);
        var last = collector.CollectSecond(seconds + 1, keepPoint: false);
        if (last.Requests > 0 || last.Dropped > 0)
        {
            printer?.Report(run.Scenario.Name, last, collector.Totals);
        }

        var measuredTicks = Math.Max(0, loadEndTicks - run.MeasureFromTicks);
        return TimeSpan.FromSeconds(measuredTicks / (double)time.TimestampFrequency);
    }

    private static async Task WaitForAsync(TimeProvider time, CancellationToken stop)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Schedule end or cancellation: that is what we waited for.
        }
    }

    private static async Task GracefulStopAsync(
        Task allWorkers, TimeSpan grace, TimeProvider time, CancellationTokenSource iterations, CancellationToken ct)
    {
        if (!allWorkers.IsCompleted)
        {
            using var graceTimer = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var timeout = Task.Delay(grace, time, graceTimer.Token);
            if (await Task.WhenAny(allWorkers, timeout).ConfigureAwait(false) != allWorkers)
            {
                // Past the grace period (or cancelled): interrupt steps that honour their token.
                await iterations.CancelAsync().ConfigureAwait(false);
                // A step that ignores its token must not hang the run: after one more grace
                // period its worker is abandoned (whatever it records later is not in the result).
                var abandon = Task.Delay(grace, time, CancellationToken.None);
                if (await Task.WhenAny(allWorkers, abandon).ConfigureAwait(false) != allWorkers)
                {
                    return;
                }
            }

            await graceTimer.CancelAsync().ConfigureAwait(false);
        }

        await allWorkers.ConfigureAwait(false);
    }

    /// <summary>Asks <see cref="LoadRunnerOptions.AbortWhen"/> about the results so far; a reason stops every scenario.</summary>
    private static void CheckAbort(ScenarioRunContext run, ScenarioCollector collector, int second, RunAbort abort)
    {
        if (run.Options.AbortWhen is not { } abortWhen || abort.Token.IsCancellationRequested)
        {
            return;
        }

        var soFar = collector.BuildResult(run.Scenario.Name, TimeSpan.FromSeconds(second)) with
        {
            WarmUp = TimeSpan.FromSeconds(run.Window.WarmUpTicks / (double)run.Time.TimestampFrequency),
        };
        string? reason;
        try
        {
            reason = abortWhen(soFar);
        }
#pragma warning disable CA1031 // A broken check must not leave the load running unwatched: it stops the run and says why.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            reason = $"the abort check failed: {ex.GetType().Name}: {ex.Message}";
        }

        if (reason is not null)
        {
            abort.Abort($"{run.Scenario.Name}, after {second} s measured: {reason}");
        }
    }

    /// <summary>Collects one timeline point per second after warm-up; returns the number of points.</summary>
    private static async Task<int> CollectLoopAsync(
        ScenarioRunContext run, ScenarioCollector collector, ProgressPrinter? printer, RunAbort abort, CancellationTokenSource scheduleEnd, CancellationToken stop)
    {
        var second = 0;
        try
        {
            if (run.Window.AutoWarmUp)
            {
                await AutoWarmUp.WatchAsync(run, scheduleEnd, stop).ConfigureAwait(false);
            }

            while (true)
            {
                var dueTicks = run.MeasureFromTicks + run.ToTicks(TimeSpan.FromSeconds(second + 1));
                var wait = TimeSpan.FromSeconds((dueTicks - run.Time.GetTimestamp()) / (double)run.Time.TimestampFrequency);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, run.Time, stop).ConfigureAwait(false);
                }

                second++;
                var point = collector.CollectSecond(second, keepPoint: true);
                printer?.Report(run.Scenario.Name, point, collector.Totals);
                CheckAbort(run, collector, second, abort);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return second;
        }
    }
}
