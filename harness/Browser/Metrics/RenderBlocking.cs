namespace PerfTests.Browser;

/// <summary>A stylesheet or synchronous script the first paint waited for.</summary>
/// <param name="Url">Resource URL.</param>
/// <param name="TransferSize">Bytes on the wire.</param>
/// <param name="StartMs">Fetch start, ms from navigation start.</param>
/// <param name="EndMs">Last byte, ms from navigation start.</param>
public sealed record BlockingResource(string Url, double TransferSize, double StartMs, double EndMs);

/// <summary>
/// Render-blocking resources as Lighthouse's opportunity reports them, from Resource Timing's
/// renderBlockingStatus: which ones held the first paint, and how long the paint waited on them
/// after the document itself had arrived (the time to gain by inlining, deferring or async loading).
/// </summary>
internal static class RenderBlocking
{
    /// <summary>The blocking resources fetched before FCP (all of them when the page never painted).</summary>
    public static IReadOnlyList<BlockingResource> Resources(IEnumerable<ResourceEntry> resources, double? fcpMs) =>
        [.. resources.Where(r => r.RenderBlocking && r.StartTime < (fcpMs ?? double.MaxValue))
            .Select(r => new BlockingResource(r.Url, r.TransferSize, r.StartTime, r.ResponseEnd))];

    /// <summary>
    /// Milliseconds the first paint waited on blocking resources after the document's last byte:
    /// the latest blocking resource's end (at most FCP) minus the document's end; 0 when none blocked.
    /// </summary>
    public static double WaitMs(IReadOnlyList<BlockingResource> blocking, IEnumerable<ResourceEntry> resources, double? fcpMs)
    {
        if (blocking.Count == 0)
        {
            return 0;
        }

        var documentEnd = resources.FirstOrDefault(r => r.InitiatorType == "navigation")?.ResponseEnd ?? 0;
        var lastEnd = Math.Min(blocking.Max(b => b.EndMs), fcpMs ?? double.MaxValue);
        return Math.Max(0, lastEnd - documentEnd);
    }
}
