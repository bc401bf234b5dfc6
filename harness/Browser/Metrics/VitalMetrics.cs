namespace PerfTests.Browser;

/// <summary>
/// Names of the metrics a page run yields, as budgets write them: <c>metric(lcp)</c>. Times are
/// milliseconds (budgets may write <c>2.5s</c>), CLS is unitless, sizes are bytes (budgets may write <c>300KB</c>).
/// </summary>
public static class VitalMetrics
{
    /// <summary>
    /// Time to first byte: navigation responseStart minus activationStart, ms. Chromium's DevTools
    /// network emulation delays the body (responseEnd), not responseStart, so under throttled lab
    /// conditions the emulated latency shows in FCP/LCP while TTFB stays the server's own time.
    /// </summary>
    public const string Ttfb = "ttfb";

    /// <summary>First contentful paint, ms.</summary>
    public const string Fcp = "fcp";

    /// <summary>Largest contentful paint before the first interaction, ms.</summary>
    public const string Lcp = "lcp";

    /// <summary>Cumulative layout shift: the largest session window (gap under 1 s, at most 5 s), unitless.</summary>
    public const string Cls = "cls";

    /// <summary>Interaction to next paint over the driven clicks and typing, ms (absent when no interaction was driven).</summary>
    public const string Inp = "inp";

    /// <summary>Total blocking time: long-task time past 50 ms each, from FCP until TTI as in Lighthouse (until interactions start when TTI is undefined), ms.</summary>
    public const string Tbt = "tbt";

    /// <summary>Speed Index: the area above the visual-progress curve of the screencast from navigation start, as speedline computes it, ms.</summary>
    public const string SpeedIndex = "speed_index";

    /// <summary>Time to interactive, ms: Lighthouse still scores it but gives it weight 0 in the performance score.</summary>
    public const string Tti = "tti";

    /// <summary>Lighthouse's performance score for the page's form factor, 0 to 100 as Lighthouse reports show it (absent when a weighted metric is missing).</summary>
    public const string Score = "score";

    /// <summary>Stylesheets and synchronous scripts the first paint waited for (Resource Timing renderBlockingStatus).</summary>
    public const string RenderBlockingCount = "render_blocking_count";

    /// <summary>Transferred bytes of the render-blocking resources.</summary>
    public const string RenderBlockingBytes = "render_blocking_bytes";

    /// <summary>Milliseconds the first paint waited on render-blocking resources after the document arrived: the opportunity.</summary>
    public const string RenderBlockingMs = "render_blocking_ms";

    /// <summary>Used JS heap after the run (CDP Performance.getMetrics JSHeapUsedSize), bytes.</summary>
    public const string JsHeapBytes = "js_heap_bytes";

    /// <summary>Bytes transferred for all resources including the document.</summary>
    public const string TotalBytes = "total_bytes";

    /// <summary>Number of resources fetched including the document.</summary>
    public const string ResourceCount = "resource_count";

    /// <summary>Transferred bytes of one resource type: <c>js_bytes</c>, <c>css_bytes</c>, <c>image_bytes</c>, <c>font_bytes</c>, <c>document_bytes</c>, <c>fetch_bytes</c>, <c>other_bytes</c>.</summary>
    public static string BytesOf(ResourceType type) => type switch
    {
        ResourceType.Script => "js_bytes",
        ResourceType.Stylesheet => "css_bytes",
        ResourceType.Image => "image_bytes",
        ResourceType.Font => "font_bytes",
        ResourceType.Document => "document_bytes",
        ResourceType.Fetch => "fetch_bytes",
        _ => "other_bytes",
    };
}
