namespace PerfTests.Browser;

/// <summary>Turns one run's raw entries into metric values (see <see cref="VitalMetrics"/>).</summary>
internal static class SampleBuilder
{
    public static PageSample Build(PageRunResult run, bool interactionsDriven)
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
        Set(values, VitalMetrics.Tbt, WebVitalsCalculator.Tbt(entries.LongTasks, fcp, run.InteractionsStartMs));
        Set(values, VitalMetrics.JsHeapBytes, run.JsHeapBytes);
        foreach (var (type, bytes) in WebVitalsCalculator.BytesByType(entries.Resources))
        {
            values[VitalMetrics.BytesOf(type)] = bytes;
        }

        values[VitalMetrics.TotalBytes] = entries.Resources.Sum(r => r.TransferSize);
        values[VitalMetrics.ResourceCount] = entries.Resources.Count;
        return new PageSample(values, candidates.LastOrDefault()?.Element ?? string.Empty, entries.Errors);
    }

    private static void Set(Dictionary<string, double> values, string name, double? value)
    {
        if (value is { } v)
        {
            values[name] = v;
        }
    }
}
