namespace PerfTests.Browser;

/// <summary>A paint entry (first-paint, first-contentful-paint); times in ms from navigation start.</summary>
internal sealed record PaintEntry(string Name, double StartTime);

/// <summary>A largest-contentful-paint candidate; times in ms from navigation start.</summary>
internal sealed record LcpEntry(double StartTime, double Size, string Element);

/// <summary>A layout-shift entry: score, time, and whether it followed input within 500 ms.</summary>
internal sealed record ShiftEntry(double Value, double StartTime, bool HadRecentInput);

/// <summary>An event-timing entry belonging to an interaction (duration rounded to 8 ms by the browser).</summary>
internal sealed record EventEntry(long InteractionId, string Name, double StartTime, double Duration);

/// <summary>A long task (over 50 ms) on the main thread.</summary>
internal sealed record LongTaskEntry(double StartTime, double Duration);

/// <summary>A script that ran in a long animation frame, the longest first.</summary>
/// <param name="SourceUrl">The script's URL (empty for inline code and browser callbacks).</param>
/// <param name="Invoker">What ran it, e.g. <c>Response.json.then</c> or <c>https://host/app.js</c>.</param>
/// <param name="Duration">Milliseconds it ran.</param>
internal sealed record FrameScript(string SourceUrl, string Invoker, double Duration);

/// <summary>A long animation frame (over 50 ms) and the scripts that made it long.</summary>
internal sealed record AnimationFrameEntry(double StartTime, double Duration, IReadOnlyList<FrameScript> Scripts);

/// <summary>A fetched resource (or the document itself) with its transferred bytes and timing.</summary>
/// <param name="Url">Resource URL.</param>
/// <param name="InitiatorType">Resource Timing initiatorType (script, link, img, fetch, navigation...).</param>
/// <param name="TransferSize">Bytes on the wire including headers; 0 when served from cache.</param>
internal sealed record ResourceEntry(string Url, string InitiatorType, double TransferSize)
{
    /// <summary>When the fetch started, ms from navigation start.</summary>
    public double StartTime { get; init; }

    /// <summary>When the last byte arrived, ms from navigation start.</summary>
    public double ResponseEnd { get; init; }

    /// <summary>Resource Timing's renderBlockingStatus was "blocking": nothing paints before it arrives.</summary>
    public bool RenderBlocking { get; init; }
}

/// <summary>Everything the page recorded in one run, read back after the run.</summary>
internal sealed record RawEntries(
    IReadOnlyList<PaintEntry> Paints,
    IReadOnlyList<LcpEntry> Lcp,
    IReadOnlyList<ShiftEntry> Shifts,
    IReadOnlyList<EventEntry> Events,
    IReadOnlyList<LongTaskEntry> LongTasks,
    IReadOnlyList<string> Errors)
{
    /// <summary>Navigation responseStart minus activationStart, milliseconds (TTFB).</summary>
    public double ResponseStart { get; init; }

    /// <summary>Navigation domContentLoadedEventEnd, ms from navigation start (0 before it happened).</summary>
    public double DomContentLoaded { get; init; }

    /// <summary>Resources including the document (initiatorType "navigation").</summary>
    public IReadOnlyList<ResourceEntry> Resources { get; init; } = [];

    /// <summary>Long animation frames with their scripts (empty where the browser lacks the API).</summary>
    public IReadOnlyList<AnimationFrameEntry> Frames { get; init; } = [];
}
