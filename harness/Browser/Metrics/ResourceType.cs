namespace PerfTests.Browser;

/// <summary>Resource types as Lighthouse's resource summary groups them.</summary>
public enum ResourceType
{
    /// <summary>The HTML document.</summary>
    Document,

    /// <summary>JavaScript.</summary>
    Script,

    /// <summary>CSS.</summary>
    Stylesheet,

    /// <summary>Images.</summary>
    Image,

    /// <summary>Web fonts.</summary>
    Font,

    /// <summary>fetch() and XMLHttpRequest (API calls).</summary>
    Fetch,

    /// <summary>Anything else.</summary>
    Other,
}
