using System.Text.Json;
using PerfTests.Resources;

namespace PerfTests.Suites.Infrastructure;

/// <summary>
/// The sample portal's own counters from its <c>/metrics</c> JSON (its own format,
/// fixtures/SampleSystem/README.md): the only place the app's connection-pool usage and cache hit
/// ratio are known, since Npgsql exposes no public pool gauge.
/// </summary>
/// <remarks>
/// Metrics (prefix <see cref="Name"/>, default <c>app</c>): <c>pool_in_use</c>, <c>pool_usage</c>
/// (in use / max pool size at the sampling instant, 0..1), <c>cache_hit_ratio</c> (hits over all cache
/// reads in the interval, where a read that bypassed a disabled cache or failed counts as a miss;
/// no point without reads), <c>requests_per_s</c>, <c>errors_per_s</c>, <c>working_set_mb</c>, <c>gc_heap_mb</c>.
/// </remarks>
internal sealed class PortalMetricsSource : IResourceSource, IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Uri _metricsUri;
    private readonly TimeProvider _time;
    private readonly CounterDelta _counters = new();
    private long _lastTimestamp;

    /// <summary>Reads <c>{baseAddress}/metrics</c> on a client of its own (disposed with the source).</summary>
    public PortalMetricsSource(Uri baseAddress, string name = "app", TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        _metricsUri = new Uri(baseAddress, "/metrics");
        _time = timeProvider ?? TimeProvider.System;
        _lastTimestamp = _time.GetTimestamp();
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Closes the client.</summary>
    public void Dispose() => _http.Dispose();

    /// <inheritdoc />
    public async ValueTask<IReadOnlyDictionary<string, double>> SampleAsync(CancellationToken cancellationToken)
    {
        var json = await _http.GetStringAsync(_metricsUri, cancellationToken).ConfigureAwait(false);
        var now = _time.GetTimestamp();
        var seconds = _time.GetElapsedTime(_lastTimestamp, now).TotalSeconds;
        _lastTimestamp = now;
        using var document = JsonDocument.Parse(json);
        return Parse(document.RootElement, _counters, seconds);
    }

    /// <summary>Turns the /metrics document into metrics; separate so it is testable without the app.</summary>
    internal static Dictionary<string, double> Parse(JsonElement root, CounterDelta counters, double intervalSeconds)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        if (Number(root, "database", "connectionsInUse") is { } inUse)
        {
            values["pool_in_use"] = inUse;
            if (Number(root, "database", "maxPoolSize") is { } max && max > 0)
            {
                values["pool_usage"] = inUse / max;
            }
        }

        var hits = Delta(root, counters, "cache", "hits");
        var misses = Delta(root, counters, "cache", "misses");
        var errors = Delta(root, counters, "cache", "errors");
        var bypassed = Delta(root, counters, "cache", "bypassed");
        values["cache_hit_ratio"] = CounterDelta.Ratio(hits, misses + (errors ?? 0) + (bypassed ?? 0));

        if (intervalSeconds > 0)
        {
            if (Delta(root, counters, "requests", "total") is { } requests)
            {
                values["requests_per_s"] = requests / intervalSeconds;
            }

            if (Delta(root, counters, "requests", "errors") is { } failed)
            {
                values["errors_per_s"] = failed / intervalSeconds;
            }
        }

        if (Number(root, "process", "workingSetBytes") is { } workingSet)
        {
            values["working_set_mb"] = workingSet / (1024 * 1024);
        }

        if (Number(root, "process", "gcHeapBytes") is { } heap)
        {
            values["gc_heap_mb"] = heap / (1024 * 1024);
        }

        return values;
    }

    private static double? Delta(JsonElement root, CounterDelta counters, string section, string field) =>
        Number(root, section, field) is { } value ? counters.Next(section + "." + field, value) : null;

    private static double? Number(JsonElement root, string section, string field) =>
        root.TryGetProperty(section, out var group) && group.ValueKind == JsonValueKind.Object
        && group.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : null;
}
