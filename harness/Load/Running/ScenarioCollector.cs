using HdrHistogram;
using PerfTests.Load.Histograms;
using PerfTests.Load.Results;

namespace PerfTests.Load.Running;

/// <summary>
/// Turns the recorder's stripes into one point per second and run totals. Called by one
/// thread at a time (the collector loop, then the final collection).
/// </summary>
internal sealed class ScenarioCollector
{
    private readonly ScenarioRecorder _recorder;
    private readonly LongHistogram _interval = HistogramSettings.Create();
    private readonly LongHistogram _corrected = HistogramSettings.Create();
    private readonly LongHistogram _uncorrected = HistogramSettings.Create();
    private readonly LongHistogram _failed = HistogramSettings.Create();
    private readonly LongHistogram[] _steps;
    private readonly LongHistogram[] _stepsFailed;
    private readonly List<TimelinePoint> _timeline = [];
    private readonly LatencyIntervals.Builder _intervals = new();
    private (long Ok, long Fail, long Bytes, long Dropped) _last;

    public ScenarioCollector(ScenarioRecorder recorder)
    {
        _recorder = recorder;
        _steps = [.. recorder.Steps.Select(_ => HistogramSettings.Create())];
        _stepsFailed = [.. recorder.Steps.Select(_ => HistogramSettings.Create())];
    }

    public IReadOnlyList<TimelinePoint> Timeline => _timeline;

    /// <summary>Totals collected so far (ok, fail, bytes, dropped).</summary>
    public (long Ok, long Fail, long Bytes, long Dropped) Totals => _last;

    /// <summary>
    /// Drains everything recorded since the last call into a timeline point. With
    /// <paramref name="keepPoint"/> false (the final, partial second) an empty point is not kept.
    /// </summary>
    public TimelinePoint CollectSecond(int second, bool keepPoint)
    {
        _interval.Reset();
        _recorder.Corrected.DrainInto(_interval);
        _corrected.Add(_interval);
        _recorder.Uncorrected.DrainInto(_uncorrected);
        _recorder.FailedCorrected.DrainInto(_failed);
        for (var i = 0; i < _steps.Length; i++)
        {
            _recorder.Steps[i].Latency.DrainInto(_steps[i]);
            _recorder.Steps[i].FailedLatency.DrainInto(_stepsFailed[i]);
        }

        var now = _recorder.ReadCounters();
        var empty = _interval.TotalCount == 0;
        var point = new TimelinePoint(
            second,
            Requests: (now.Ok + now.Fail) - (_last.Ok + _last.Fail),
            Failures: now.Fail - _last.Fail,
            Dropped: now.Dropped - _last.Dropped,
            Bytes: now.Bytes - _last.Bytes,
            P50Us: empty ? null : _interval.GetValueAtPercentile(50),
            P95Us: empty ? null : _interval.GetValueAtPercentile(95),
            P99Us: empty ? null : _interval.GetValueAtPercentile(99));
        _last = now;
        if (keepPoint || point.Requests > 0 || point.Dropped > 0)
        {
            _timeline.Add(point);
            _intervals.Add(second, _interval);
        }

        return point;
    }

    /// <summary>The immutable result; call after the final <see cref="CollectSecond"/>.</summary>
    public ScenarioResult BuildResult(string name, TimeSpan measured)
    {
        var seconds = Math.Max(measured.TotalSeconds, 1e-9);
        var statusCodes = new Dictionary<string, long>(StringComparer.Ordinal);
        var steps = new List<StepStats>(_steps.Length);
        for (var i = 0; i < _steps.Length; i++)
        {
            var recorder = _recorder.Steps[i];
            var (ok, fail, bytes) = recorder.ReadCounters();
            var codes = recorder.ReadStatusCodes();
            foreach (var (key, n) in codes)
            {
                statusCodes[key] = statusCodes.GetValueOrDefault(key) + n;
            }

            steps.Add(new StepStats
            {
                Name = recorder.Name,
                Latency = new LatencyStats(_steps[i]),
                FailedLatency = new LatencyStats(_stepsFailed[i]),
                OkCount = ok,
                FailCount = fail,
                Bytes = bytes,
                StatusCodes = codes,
                RequestsPerSecond = (ok + fail) / seconds,
                BytesPerSecond = bytes / seconds,
            });
        }

        var totals = _recorder.ReadCounters();
        return new ScenarioResult
        {
            Name = name,
            Duration = measured,
            Latency = new LatencyStats(_corrected),
            UncorrectedLatency = new LatencyStats(_uncorrected),
            FailedLatency = new LatencyStats(_failed),
            OkCount = totals.Ok,
            FailCount = totals.Fail,
            DroppedCount = totals.Dropped,
            InterruptedCount = _recorder.Interrupted,
            Bytes = totals.Bytes,
            RequestsPerSecond = (totals.Ok + totals.Fail) / seconds,
            BytesPerSecond = totals.Bytes / seconds,
            StatusCodes = statusCodes,
            Steps = steps,
            Timeline = [.. _timeline],
            Intervals = _intervals.Build(),
        };
    }
}
