using System.Globalization;
using System.Net;
using System.Text;
using PerfTests.Load.Results;

namespace PerfTests.Sharding;

/// <summary>
/// What each shard did: where and when it ran, its requests, failures, drops and latency. A shard far
/// from the others (a slow pod, a late start) is the first thing to look for when a merged run breaches.
/// </summary>
internal static class ShardBreakdown
{
    public static readonly string[] Headers = ["shard", "host", "started", "requests", "failed", "dropped", "p50", "p95", "p99"];

    public static IEnumerable<string[]> Rows(IReadOnlyList<MergedShard> shards)
    {
        var c = CultureInfo.InvariantCulture;
        foreach (var (_, manifest, run) in shards)
        {
            // A percentile over the scenarios would mix them: one scenario's figures, or the per-scenario tables of the shard.
            var one = run.Scenarios.Count == 1 ? run.Scenarios[0].Latency : null;
            yield return
            [
                $"{manifest.ShardIndex + 1}/{manifest.ShardCount}", manifest.Host ?? "", manifest.StartedAt.ToString("HH:mm:ss.fff", c),
                run.Scenarios.Sum(s => s.RequestCount).ToString(c), run.Scenarios.Sum(s => s.FailCount).ToString(c), run.Scenarios.Sum(s => s.DroppedCount).ToString(c),
                Ms(one?.P50), Ms(one?.P95), Ms(one?.P99),
            ];
        }
    }

    public static string Markdown(IReadOnlyList<MergedShard> shards, IReadOnlyList<string> notJudged)
    {
        var text = new StringBuilder("\n| ").AppendJoin(" | ", Headers).Append(" |\n|").Append(string.Concat(Headers.Select(_ => "---|"))).Append('\n');
        foreach (var row in Rows(shards))
        {
            text.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        }

        if (notJudged.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nNot judged at the merge (measured per machine, not by the load): {string.Join(", ", notJudged)}.\n");
        }

        return text.ToString();
    }

    public static string Html(IReadOnlyList<MergedShard> shards)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>shards</title><style>")
            .Append("body{font-family:sans-serif;font-size:13px;margin:8px;color:#222}table{border-collapse:collapse}")
            .Append("th,td{border:1px solid #ccc;padding:3px 8px;white-space:nowrap}th{background:#f2f2f2}td{text-align:right}td:nth-child(-n+3){text-align:left}")
            .Append("</style></head>\n<body>\n<h3>").Append(shards.Count).Append(" shards merged</h3>\n<table>\n<tr>");
        html.AppendJoin("", Headers.Select(h => $"<th>{WebUtility.HtmlEncode(h)}</th>")).Append("</tr>\n");
        foreach (var row in Rows(shards))
        {
            html.Append("<tr>").AppendJoin("", row.Select(v => $"<td>{WebUtility.HtmlEncode(v)}</td>")).Append("</tr>\n");
        }

        return html.Append("</table>\n</body></html>\n").ToString();
    }

    private static string Ms(PercentileValue? value) =>
        value?.ValueUs is { } us ? (us / 1000).ToString("0.###", CultureInfo.InvariantCulture) + " ms" : value is null ? "per scenario" : "not enough data";
}
