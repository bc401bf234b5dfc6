namespace PerfTests.Browser;

/// <summary>
/// Time to interactive as Lighthouse defines it: find the first 5 s window after FCP with no long
/// task and at most two requests in flight; TTI is the end of the last long task before that window,
/// and never before FCP or DOMContentLoaded (Lighthouse's interactive.js takes the latest of the three). Undefined (null) until such a window has been observed in full, so a
/// run that stops watching too early reports no TTI rather than a too-early one.
/// </summary>
internal static class TimeToInteractive
{
    /// <summary>Length of the quiet window, ms (Lighthouse: 5 s).</summary>
    public const double QuietWindowMs = 5000;

    private const int AllowedInFlight = 2;

    /// <param name="fcpMs">First contentful paint; null gives null.</param>
    /// <param name="domContentLoadedMs">When DOMContentLoaded ended; TTI is never earlier.</param>
    /// <param name="longTasks">Main-thread tasks over 50 ms.</param>
    /// <param name="resources">Fetches with their start and end (the document included).</param>
    /// <param name="observedUntilMs">How long the page was watched, ms from navigation start.</param>
    public static double? Compute(double? fcpMs, double domContentLoadedMs, IEnumerable<LongTaskEntry> longTasks, IEnumerable<ResourceEntry> resources, double observedUntilMs)
    {
        if (fcpMs is not { } fcp)
        {
            return null;
        }

        var tasks = longTasks.Where(t => t.StartTime + t.Duration > fcp).OrderBy(t => t.StartTime).ToList();
        var fetches = resources.Where(r => r.ResponseEnd > r.StartTime).ToList();

        // A quiet window can only begin at FCP, at a long task's end or when a request ends.
        var starts = new SortedSet<double> { fcp };
        starts.UnionWith(tasks.Select(t => t.StartTime + t.Duration).Where(end => end > fcp));
        starts.UnionWith(fetches.Select(r => r.ResponseEnd).Where(end => end > fcp));
        foreach (var start in starts)
        {
            var end = start + QuietWindowMs;
            if (end > observedUntilMs)
            {
                return null;
            }

            if (tasks.Any(t => t.StartTime < end && t.StartTime + t.Duration > start) || !NetworkQuiet(fetches, start, end))
            {
                continue;
            }

            var lastTaskEnd = tasks.Where(t => t.StartTime + t.Duration <= start).Select(t => t.StartTime + t.Duration).DefaultIfEmpty(fcp).Max();
            return Math.Max(Math.Max(fcp, lastTaskEnd), domContentLoadedMs);
        }

        return null;
    }

    // The in-flight count only rises when a request starts: checking the window's start and every start inside it is enough.
    private static bool NetworkQuiet(List<ResourceEntry> fetches, double start, double end)
    {
        int InFlight(double at) => fetches.Count(r => r.StartTime <= at && r.ResponseEnd > at);
        return InFlight(start) <= AllowedInFlight
            && fetches.Where(r => r.StartTime > start && r.StartTime < end).All(r => InFlight(r.StartTime) <= AllowedInFlight);
    }
}
