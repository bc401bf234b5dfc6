using System.Collections.Concurrent;
using System.Net;

namespace PerfTests.Load.Http;

/// <summary>Refuses load on hosts that are neither loopback nor explicitly allowed.</summary>
internal sealed class TargetGuard(IEnumerable<string> allowedHosts)
{
    private readonly HashSet<string> _allowed = new(allowedHosts, StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> _checked = new(StringComparer.OrdinalIgnoreCase);

    public static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));

    /// <exception cref="ArgumentException">The host is not loopback and not in the allow-list.</exception>
    public void EnsureAllowed(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri)
        {
            throw new ArgumentException($"Load target '{uri}' must be an absolute URI.", nameof(uri));
        }

        // DnsSafeHost drops the brackets of IPv6 literals ("[::1]" -> "::1").
        var host = uri.DnsSafeHost;
        if (_checked.ContainsKey(host))
        {
            return;
        }

        if (!IsLoopback(host) && !_allowed.Contains(host))
        {
            throw new ArgumentException(
                $"Refusing to send load to '{host}' ({uri}): only loopback targets (127.0.0.0/8, ::1, localhost) are allowed. " +
                $"To load-test this host on purpose, add \"{host}\" to {nameof(HttpStepOptions)}.{nameof(HttpStepOptions.AllowedHosts)}.",
                nameof(uri));
        }

        _checked.TryAdd(host, true);
    }
}
