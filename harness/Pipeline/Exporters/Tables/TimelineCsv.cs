using System.Globalization;
using PerfTests.Load.Results;

namespace PerfTests.Exporters.Tables;

/// <summary>A scenario's per-second timeline as CSV; a second without samples has empty latency cells (never 0).</summary>
internal static class TimelineCsv
{
    private static readonly string[] Headers =
        ["second", "requests", "failures", "dropped", "bytes", "error_pct", "p50_ms", "p95_ms", "p99_ms"];

    public static string Render(ScenarioResult scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var c = CultureInfo.InvariantCulture;
        return Csv.Lines(scenario.Timeline.Select(p => (IReadOnlyList<string>)
        [
            p.Second.ToString(c), p.Requests.ToString(c), p.Failures.ToString(c), p.Dropped.ToString(c), p.Bytes.ToString(c),
            p.Requests == 0 ? string.Empty : (100.0 * p.Failures / p.Requests).ToString("0.###", c),
            Ms(p.P50Us), Ms(p.P95Us), Ms(p.P99Us),
        ]).Prepend(Headers));
    }

    private static string Ms(double? us) => us is { } v ? (v / 1000).ToString("0.###", CultureInfo.InvariantCulture) : string.Empty;
}
