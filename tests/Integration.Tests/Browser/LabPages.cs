namespace Integration.Tests.Browser;

/// <summary>Pages with one known behaviour each: what the collector must see in them.</summary>
internal static class LabPages
{
    private const string Head = "<!doctype html><html><head><meta charset=\"utf-8\"><title>lab</title></head><body style=\"margin:0\">";

    /// <summary>Stable content; a 20 KB script (so js_bytes has a known floor); no shifts, no long tasks.</summary>
    public const string Static = Head + "<h1 id=\"big\" style=\"font-size:64px\">Largest text on the page</h1><p>small</p><script src=\"/padding.js\"></script></body></html>";

    /// <summary>20 KB of comment: a script of known size.</summary>
    public static readonly string PaddingScript = "// " + new string('x', 20 * 1024) + "\nwindow.padded = true;\n";

    /// <summary>A 300 px banner inserted above rendered content 200 ms after load: a shift of about a third of the viewport.</summary>
    public const string Shift = Head + "<div id=\"content\" style=\"height:600px;background:#ddd\">content</div>"
        + "<script>setTimeout(() => { const b = document.createElement('div'); b.style.height = '300px'; b.textContent = 'banner'; document.body.prepend(b); }, 200);</script></body></html>";

    /// <summary>A button whose click handler is busy for 300 ms.</summary>
    public const string SlowClick = Head + "<h1>slow click</h1><button id=\"go\">go</button>"
        + "<script>document.getElementById('go').addEventListener('click', () => { const end = performance.now() + 300; while (performance.now() < end) {} });</script></body></html>";

    /// <summary>A 250 ms task 100 ms after the first paint: 200 ms of blocking time.</summary>
    public const string BusyAfterLoad = Head + "<h1>busy</h1>"
        + "<script>requestAnimationFrame(() => setTimeout(() => { const end = performance.now() + 250; while (performance.now() < end) {} }, 100));</script></body></html>";

    /// <summary>The page's first Intl calls (a time, a number) 300 ms after load, as the portal's dashboard makes when its cards render.</summary>
    public const string IntlAfterLoad = Head + "<h1>intl</h1><p id=\"out\"></p>"
        + "<script>addEventListener('load', () => setTimeout(() => { document.getElementById('out').textContent = new Date().toLocaleTimeString() + ' ' + (1234.5).toLocaleString(); }, 300));</script></body></html>";

    /// <summary>
    /// An 800 x 600 block centred in the viewport; 300 ms after load a 2,000 px block is appended below it, so
    /// a vertical scrollbar appears and the centred block moves left by half the scrollbar's width.
    /// </summary>
    public static readonly string ScrollbarShift = Centred(growsAfterLoad: true);

    /// <summary>The same centred block, and the page never outgrows the viewport: nothing moves.</summary>
    public static readonly string ScrollbarStill = Centred(growsAfterLoad: false);

    /// <summary>A page 3,000 px tall from the start: a browser that shows scrollbars gives it one.</summary>
    public const string Tall = Head + "<div id=\"tall\" style=\"height:3000px;background:#ddd\">tall</div></body></html>";

    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        ["/static"] = Static, ["/padding.js"] = PaddingScript, ["/shift"] = Shift, ["/slow-click"] = SlowClick, ["/busy"] = BusyAfterLoad,
        ["/scrollbar-shift"] = ScrollbarShift, ["/scrollbar-still"] = ScrollbarStill, ["/tall"] = Tall, ["/intl"] = IntlAfterLoad,
    };

    // Appended below the content, so nothing is pushed down: only the scrollbar can move the centred block.
    private static string Centred(bool growsAfterLoad) =>
        Head + "<div id=\"centred\" style=\"width:800px;height:600px;margin:0 auto;background:#ddd\">centred</div>"
        + (growsAfterLoad
            ? "<script>addEventListener('load', () => setTimeout(() => { const d = document.createElement('div'); d.style.height = '2000px'; document.body.append(d); }, 300));</script>"
            : string.Empty)
        + "</body></html>";
}
