namespace PerfTests.Browser;

/// <summary>
/// Computes web vitals from raw performance entries with the web-vitals library's rules
/// (github.com/GoogleChrome/web-vitals): CLS session windows, INP as a high percentile of
/// interactions, LCP as the last candidate before input; TBT as Lighthouse defines it.
/// </summary>
internal static class WebVitalsCalculator
{
    private const double SessionGapMs = 1000;
    private const double SessionMaxMs = 5000;
    private const double BlockingThresholdMs = 50;

    /// <summary>First contentful paint, ms; null when the page never painted content.</summary>
    public static double? Fcp(IEnumerable<PaintEntry> paints) =>
        paints.FirstOrDefault(p => p.Name == "first-contentful-paint")?.StartTime;

    /// <summary>The latest (largest) LCP candidate, ms; null when none was reported.</summary>
    public static double? Lcp(IEnumerable<LcpEntry> candidates) =>
        candidates.Select(c => (double?)c.StartTime).LastOrDefault();

    /// <summary>
    /// The largest session window's total: shifts without recent input, grouped while each is
    /// under 1 s after the previous and the window spans at most 5 s. 0 when nothing shifted.
    /// </summary>
    public static double Cls(IEnumerable<ShiftEntry> shifts)
    {
        double best = 0, current = 0, first = 0, last = 0;
        var open = false;
        foreach (var shift in shifts.Where(s => !s.HadRecentInput).OrderBy(s => s.StartTime))
        {
            if (open && shift.StartTime - last < SessionGapMs && shift.StartTime - first < SessionMaxMs)
            {
                current += shift.Value;
            }
            else
            {
                current = shift.Value;
                first = shift.StartTime;
                open = true;
            }

            last = shift.StartTime;
            best = Math.Max(best, current);
        }

        return best;
    }

    /// <summary>
    /// Interaction to next paint, ms: each interaction's latency is its longest event; the result
    /// skips one worst interaction per 50 (the 98th percentile for long sessions). Null without interactions.
    /// </summary>
    public static double? Inp(IEnumerable<EventEntry> events)
    {
        var latencies = events.GroupBy(e => e.InteractionId)
            .Select(g => g.Max(e => e.Duration))
            .OrderDescending()
            .ToList();
        return latencies.Count == 0 ? null : latencies[Math.Min(latencies.Count / 50, latencies.Count - 1)];
    }

    /// <summary>
    /// Total blocking time, ms: each long task blocks from 50 ms after its start to its end; the
    /// part of that inside [FCP, <paramref name="endMs"/>] counts. Null when there was no FCP.
    /// </summary>
    public static double? Tbt(IEnumerable<LongTaskEntry> tasks, double? fcpMs, double endMs)
    {
        if (fcpMs is not { } fcp)
        {
            return null;
        }

        return tasks
            .Select(t => Math.Min(t.StartTime + t.Duration, endMs) - Math.Max(t.StartTime + BlockingThresholdMs, fcp))
            .Where(blocking => blocking > 0)
            .Sum();
    }

    /// <summary>Transferred bytes per resource type (every type present, 0 when none).</summary>
    public static IReadOnlyDictionary<ResourceType, double> BytesByType(IEnumerable<ResourceEntry> resources)
    {
        var totals = Enum.GetValues<ResourceType>().ToDictionary(t => t, _ => 0.0);
        foreach (var resource in resources)
        {
            totals[ResourceClassifier.Classify(resource)] += resource.TransferSize;
        }

        return totals;
    }
}
