using Microsoft.AspNetCore.Http;

namespace PerfTests.Failover.Balancing;

/// <summary>Copies a request to a backend and its response back, minus hop-by-hop headers.</summary>
internal static class ProxyRequests
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer", "Host",
    };

    internal static HttpRequestMessage Create(HttpRequest source, Uri backend, byte[] body)
    {
        var target = new Uri(backend, source.Path.ToUriComponent() + source.QueryString.ToUriComponent());
        var request = new HttpRequestMessage(new HttpMethod(source.Method), target);
        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(body);
        }

        foreach (var (name, values) in source.Headers)
        {
            if (HopByHop.Contains(name))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        return request;
    }

    internal static async Task CopyResponseAsync(HttpResponseMessage source, HttpResponse target, CancellationToken cancellationToken)
    {
        target.StatusCode = (int)source.StatusCode;
        foreach (var (name, values) in source.Headers.Concat(source.Content.Headers))
        {
            if (!HopByHop.Contains(name))
            {
                target.Headers[name] = values.ToArray();
            }
        }

        await source.Content.CopyToAsync(target.Body, cancellationToken).ConfigureAwait(false);
    }
}
