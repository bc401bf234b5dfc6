using PerfTests;

namespace PerfTests.Load.Running;

/// <summary>Runs one iteration (all steps in order) and records it. Shared by both load models.</summary>
internal sealed class IterationRunner(
    IReadOnlyList<Step> steps, ScenarioRecorder recorder, TimeProvider time, RunWindow window, FailFastWatch? failFast = null)
{
    /// <summary>
    /// Runs the steps. <paramref name="intendedTicks"/> is when the iteration should have started
    /// (open model: its scheduled arrival); iterations intended before the end of warm-up are not
    /// recorded (an auto warm-up records only their latency, to judge when it got steady), nor are
    /// iterations interrupted by the run's own cancellation.
    /// </summary>
    public async ValueTask RunAsync(StepContext context, long intendedTicks, CancellationToken ct, bool warmUp = false)
    {
        context.CancellationToken = ct;
        context.IntendedStartTimestamp = intendedTicks;
        // An open-model arrival knows it is the warm-up's: an auto warm-up that ends early moves the
        // measuring start onto the instant such an arrival may have been intended for.
        var record = !warmUp && intendedTicks >= window.MeasureFromTicks;
        var startTicks = time.GetTimestamp();
        var ok = true;
        long bytes = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            var stepStart = time.GetTimestamp();
            StepResult result;
            try
            {
                result = await steps[i].Run(context).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Stopped by us (cancellation or end of graceful stop): not a failure of the target.
                if (record)
                {
                    recorder.RecordInterrupted();
                }

                context.InvocationNumber++;
                return;
            }
#pragma warning disable CA1031 // A step's exception is a measured failure, never a crash of the run.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                result = StepResult.FromException(ex);
            }

            if (record)
            {
                recorder.RecordStep(context.WorkerId, i, time.GetTimestamp() - stepStart, result);
            }

            bytes += result.Bytes;
            if (!result.IsOk)
            {
                ok = false;
                failFast?.Observe(result.IsUnreachable, result.Message, time.GetTimestamp());
                break;
            }

            if (i == 0)
            {
                failFast?.Observe(unreachable: false, null, 0);
            }
        }

        if (record)
        {
            recorder.RecordIteration(context.WorkerId, intendedTicks, startTicks, time.GetTimestamp(), ok, bytes);
        }
        else if (ok && window.AutoWarmUp)
        {
            recorder.RecordWarmUp(context.WorkerId, time.GetTimestamp() - intendedTicks);
        }

        context.InvocationNumber++;
    }
}
