namespace PerfTests.Browser;

/// <summary>Classifies a Resource Timing entry by initiator and file extension.</summary>
internal static class ResourceClassifier
{
    public static ResourceType Classify(ResourceEntry entry)
    {
        var extension = Extension(entry.Url);
        return entry.InitiatorType switch
        {
            "navigation" => ResourceType.Document,
            "fetch" or "xmlhttprequest" or "beacon" => ResourceType.Fetch,
            _ when extension is ".js" or ".mjs" || entry.InitiatorType == "script" => ResourceType.Script,
            _ when extension == ".css" => ResourceType.Stylesheet,
            _ when extension is ".woff" or ".woff2" or ".ttf" or ".otf" => ResourceType.Font,
            _ when extension is ".png" or ".jpg" or ".jpeg" or ".gif" or ".webp" or ".avif" or ".svg" or ".ico"
                || entry.InitiatorType is "img" or "image" => ResourceType.Image,
            _ => ResourceType.Other,
        };
    }

    private static string Extension(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Path.GetExtension(uri.AbsolutePath).ToLowerInvariant() : string.Empty;
}
