using System.Text.Json;

namespace PerfTests.Suites.Infrastructure;

/// <summary>
/// Reads the sample portal's <c>/metrics</c> JSON (counters since process start). Not a load step:
/// probes go through their own client so they never count as load or skew the engine's numbers.
/// </summary>
internal sealed class PortalMetrics(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>One snapshot of the whole document.</summary>
    public async Task<JsonElement> ReadAsync(CancellationToken cancellationToken)
    {
        await using var stream = await _http.GetStreamAsync(new Uri("/metrics", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        return document.RootElement.Clone();
    }

    /// <summary>A numeric counter by path, e.g. <c>("downstream", "breakerOpened")</c>.</summary>
    public static double Number(JsonElement metrics, string section, string name) =>
        metrics.GetProperty(section).GetProperty(name).GetDouble();

    /// <summary>A text value by path, e.g. <c>("downstream", "breakerState")</c>.</summary>
    public static string Text(JsonElement metrics, string section, string name) =>
        metrics.GetProperty(section).GetProperty(name).GetString() ?? string.Empty;

    public void Dispose() => _http.Dispose();
}
