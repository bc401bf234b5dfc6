namespace PerfTests.Load.Http;

/// <summary>
/// A URL as it may be shown in messages, logs and reports: user-info (<c>user:password@</c>) and the
/// query (where API keys travel) are replaced by <c>***</c>; scheme, host, port and path stay.
/// </summary>
public static class SafeUrl
{
    /// <summary>The masked text of <paramref name="url"/>, or "(no URL)".</summary>
    public static string Of(Uri? url)
    {
        if (url is null)
        {
            return "(no URL)";
        }

        if (!url.IsAbsoluteUri)
        {
            var text = url.OriginalString;
            var query = text.IndexOf('?', StringComparison.Ordinal);
            return query < 0 ? text : text[..query] + "?***";
        }

        var masked = new UriBuilder(url) { UserName = url.UserInfo.Length > 0 ? "***" : string.Empty, Password = string.Empty };
        if (url.Query.Length > 1)
        {
            masked.Query = "***";
        }

        return masked.Uri.GetComponents(UriComponents.AbsoluteUri, UriFormat.UriEscaped);
    }

    /// <summary><paramref name="text"/> with every occurrence of <paramref name="url"/>'s user-info and query replaced by <c>***</c>.</summary>
    public static string Scrub(string text, Uri? url)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (url is not { IsAbsoluteUri: true })
        {
            return text;
        }

        foreach (var secret in new[] { url.UserInfo, Uri.UnescapeDataString(url.UserInfo), url.Query.TrimStart('?') }.Where(s => s.Length > 0))
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        return text;
    }
}
