using System.Net.Sockets;

namespace PerfTests.Failover.Balancing;

/// <summary>What the balancer does with a backend call that failed before any response came back.</summary>
/// <param name="EjectBackend">The backend looks dead (refused or reset): skip it for a while (passive health check).</param>
/// <param name="Retry">Safe to send once more to another backend.</param>
internal readonly record struct ProxyFailure(bool EjectBackend, bool Retry)
{
    /// <summary>
    /// Like YARP's passive health check plus nginx's <c>proxy_next_upstream</c>: a refused
    /// connection never reached the instance, so any request may be retried; a connection reset or
    /// closed before the response headers may have reached it, so only idempotent methods (GET,
    /// HEAD, OPTIONS) are retried and everything else fails to the client as a 502.
    /// </summary>
    /// <param name="method">HTTP method of the request.</param>
    /// <param name="error">What the backend call threw.</param>
    /// <param name="firstAttempt">Only the first attempt is retried (once).</param>
    public static ProxyFailure Classify(string method, HttpRequestException error, bool firstAttempt)
    {
        ArgumentNullException.ThrowIfNull(error);
        var refused = error.HttpRequestError == HttpRequestError.ConnectionError;
        var reset = error.HttpRequestError is HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse
            || HasReset(error);
        if (!refused && !reset)
        {
            return new ProxyFailure(EjectBackend: false, Retry: false);
        }

        var idempotent = HttpMethods.IsIdempotentForRetry(method);
        return new ProxyFailure(EjectBackend: true, Retry: firstAttempt && (refused || idempotent));
    }

    private static bool HasReset(Exception error)
    {
        for (var e = error.InnerException; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown })
            {
                return true;
            }

            if (e is IOException && e.InnerException is null)
            {
                // "The response ended prematurely" and friends: the peer closed the connection.
                return true;
            }
        }

        return false;
    }

    private static class HttpMethods
    {
        public static bool IsIdempotentForRetry(string method) =>
            method.Equals("GET", StringComparison.OrdinalIgnoreCase)
            || method.Equals("HEAD", StringComparison.OrdinalIgnoreCase)
            || method.Equals("OPTIONS", StringComparison.OrdinalIgnoreCase);
    }
}
