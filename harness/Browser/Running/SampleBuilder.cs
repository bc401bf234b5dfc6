using System.Globalization;

namespace PerfTests.Browser;

/// <summary>Turns one run's raw entries into metric values (see <see cref="VitalMetrics"/>).</summary>
internal static class SampleBuilder
{
    public static PageSample Build(PageRunResult run, bool interactionsDriven, FormFactor formFactor)
    {
        var entries = run.Entries;
        var values = new Dictionary<string, double>(StringComparer.Ordinal) { [VitalMetrics.Ttfb] = entries.ResponseStart };
        var fcp = WebVitalsCalculator.Fcp(entries.Paints);
        Set(values, VitalMetrics.Fcp, fcp);

        // LCP stops at the first input, as in the web-vitals library.
        var candidates = entries.Lcp.Where(c => c.StartTime < run.InteractionsStartMs).ToList();
        Set(values, VitalMetrics.Lcp, WebVitalsCalculator.Lcp(candidates));
        values[VitalMetrics.Cls] = WebVitalsCalculator.Cls(entries.Shifts);

        // Interactions faster than the 16 ms Event Timing threshold leave no entry: INP is then below 16 ms.
        Set(values, VitalMetrics.Inp, WebVitalsCalculator.Inp(entries.Events) ?? (interactionsDriven ? 0 : null));

        // Lighthouse's TBT ends at TTI; only what was watched before the first input counts for TTI.
        var tti = TimeToInteractive.Compute(fcp, entries.DomContentLoaded, entries.LongTasks, entries.Resources, run.InteractionsStartMs);
        Set(values, VitalMetrics.Tti, tti);
        Set(values, VitalMetrics.Tbt, WebVitalsCalculator.Tbt(entries.LongTasks, fcp, tti ?? run.InteractionsStartMs));
        // Speed Index is the load's, as Lighthouse's navigation has no input: a filter typed after load would
        // change the final frame and make every loaded frame look incomplete (clients: 330 ms against 128).
        var loadFrames = run.Frames.Where(f => f.TimeMs < run.InteractionsStartMs).ToList();
        Set(values, VitalMetrics.SpeedIndex, loadFrames.Count > 0 ? SpeedIndex.Compute(loadFrames) : null);
        Set(values, VitalMetrics.Score, PerformanceScore.Category(values, formFactor) * 100);

        var blocking = RenderBlocking.Resources(entries.Resources, fcp);
        values[VitalMetrics.RenderBlockingCount] = blocking.Count;
        values[VitalMetrics.RenderBlockingBytes] = blocking.Sum(b => b.TransferSize);
        values[VitalMetrics.RenderBlockingMs] = RenderBlocking.WaitMs(blocking, entries.Resources, fcp);

        Set(values, VitalMetrics.JsHeapBytes, run.JsHeapBytes);
        foreach (var (type, bytes) in WebVitalsCalculator.BytesByType(entries.Resources))
        {
            values[VitalMetrics.BytesOf(type)] = bytes;
        }

        values[VitalMetrics.TotalBytes] = entries.Resources.Sum(r => r.TransferSize);
        values[VitalMetrics.ResourceCount] = entries.Resources.Count;
        return new PageSample(values, candidates.LastOrDefault()?.Element ?? string.Empty, entries.Errors)
        {
            LongTasks = [.. entries.LongTasks.Select(t => new LongTask(t.StartTime, t.Duration, Attribute(t, entries.Frames)))],
            RenderBlocking = blocking,
        };
    }

    // A long task lies inside a long animation frame (a frame spans its tasks and the rendering after them).
    private static string Attribute(LongTaskEntry task, IReadOnlyList<AnimationFrameEntry> frames)
    {
        var frame = frames.FirstOrDefault(f => f.StartTime <= task.StartTime + 1 && f.StartTime + f.Duration >= task.StartTime + task.Duration - 1);
        if (frame is null)
        {
            return "unattributed";
        }

        if (frame.Scripts.Count == 0)
        {
            return "rendering";
        }

        var c = CultureInfo.InvariantCulture;
        return string.Join("; ", frame.Scripts.Select(s =>
            string.Create(c, $"{(s.Invoker.Length > 0 ? s.Invoker : "script")}{(s.SourceUrl.Length > 0 && s.SourceUrl != s.Invoker ? $" ({s.SourceUrl})" : "")} {s.Duration:0} ms")));
    }

    private static void Set(Dictionary<string, double> values, string name, double? value)
    {
        if (value is { } v)
        {
            values[name] = v;
        }
    }
}
