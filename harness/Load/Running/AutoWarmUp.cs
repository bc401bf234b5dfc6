using PerfTests.Load.Histograms;
using PerfTests.Load.SteadyState;

namespace PerfTests.Load.Running;

/// <summary>
/// Watches an auto warm-up (<see cref="Scenario.WithAutoWarmUp"/>): every second the p95 of the warm-up
/// iterations' corrected latency joins a series, and from <see cref="Mser.MinimumPoints"/> seconds on,
/// MSER-5 is asked whether the series so far has settled (<see cref="Mser.DetectSettled"/>: its cut in the
/// first half and before the last candidate). The first second it has, the warm-up ends and the stages start; at the cap it ends
/// anyway and the scenario carries "not steady by the cap", which a busy-machine verdict counts.
/// </summary>
internal static class AutoWarmUp
{
    public static async Task WatchAsync(ScenarioRunContext run, CancellationTokenSource scheduleEnd, CancellationToken stop)
    {
        var time = run.Time;
        var start = run.StartTicks;
        var cap = run.Schedule.WarmUp;
        var second = HistogramSettings.Create();
        var series = new List<double>();
        var verdict = new SteadyStateResult(IsSteady: false, TruncateAt: 0, Points: 0);
        try
        {
            for (var s = 1; TimeSpan.FromSeconds(s) < cap; s++)
            {
                var dueTicks = start + run.ToTicks(TimeSpan.FromSeconds(s));
                var wait = TimeSpan.FromSeconds((dueTicks - time.GetTimestamp()) / (double)time.TimestampFrequency);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, stop).ConfigureAwait(false);
                }

                second.Reset();
                run.Recorder.WarmUp.DrainInto(second);
                // A second without a finished iteration says nothing (NaN is skipped by the detector).
                series.Add(second.TotalCount == 0 ? double.NaN : second.GetValueAtPercentile(95) / 1000.0);
                if (series.Count < Mser.MinimumPoints)
                {
                    continue;
                }

                verdict = Mser.DetectSettled(series);
                if (verdict.IsSteady)
                {
                    run.Window.EndWarmUpAt(dueTicks, run.Schedule.ArrivalsDue(cap));
                    var left = run.StartTicks + run.ToTicks(run.Schedule.TotalDuration) - time.GetTimestamp();
                    scheduleEnd.CancelAfter(TimeSpan.FromSeconds(Math.Max(0, left) / (double)time.TimestampFrequency));
                    return;
                }
            }

            // The cap: the stages start when it ends, as a fixed warm-up would, and the verdict says it never settled.
            verdict = verdict with { IsSteady = false, Points = series.Count(double.IsFinite) };
        }
        finally
        {
            run.Window.WarmUpSteadiness = verdict;
        }
    }
}
