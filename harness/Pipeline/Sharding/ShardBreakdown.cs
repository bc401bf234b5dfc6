using System.Globalization;
using System.Net;
using System.Text;
using PerfTests.Load.Results;

namespace PerfTests.Sharding;

/// <summary>
/// What each shard did: where and when it ran, and per scenario its requests, failures, drops and latency.
/// A shard far from the others (a slow pod, a late start) is the first thing to look for when a merged run
/// breaches. Latency stays per scenario: one percentile over a login and a report would describe neither.
/// </summary>
internal static class ShardBreakdown
{
    public static readonly string[] Headers = ["shard", "host", "started", "scenario", "requests", "failed", "dropped", "p50", "p95", "p99"];

    /// <summary>One shard's figures for one scenario, formatted for a table.</summary>
    public sealed record Row(string Shard, string Host, string Started, string Scenario, long Requests, long Failed, long Dropped, string P50, string P95, string P99)
    {
        public string[] Cells => [Shard, Host, Started, Scenario, Count(Requests), Count(Failed), Count(Dropped), P50, P95, P99];

        private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
    }

    public static IEnumerable<Row> Rows(MergedShard shard)
    {
        var (_, manifest, run) = shard;
        var name = $"{manifest.ShardIndex + 1}/{manifest.ShardCount}";
        var started = manifest.StartedAt.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        return run.Scenarios.Select(s => new Row(
            name, manifest.Host ?? "", started, s.Name, s.RequestCount, s.FailCount, s.DroppedCount,
            Ms(s.Latency.P50), Ms(s.Latency.P95), Ms(s.Latency.P99)));
    }

    public static string Markdown(IReadOnlyList<MergedShard> shards, IReadOnlyList<string> notJudged)
    {
        var text = new StringBuilder("\n| ").AppendJoin(" | ", Headers).Append(" |\n|").Append(string.Concat(Headers.Select(_ => "---|"))).Append('\n');
        foreach (var row in shards.SelectMany(Rows))
        {
            text.Append("| ").AppendJoin(" | ", row.Cells).Append(" |\n");
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
            .Append("th,td{border:1px solid #ccc;padding:3px 8px;white-space:nowrap}th{background:#f2f2f2}td{text-align:right}td:nth-child(-n+4){text-align:left}")
            .Append("</style></head>\n<body>\n<h3>").Append(shards.Count).Append(" shards merged</h3>\n<table>\n<tr>");
        html.AppendJoin("", Headers.Select(h => $"<th>{WebUtility.HtmlEncode(h)}</th>")).Append("</tr>\n");
        foreach (var row in shards.SelectMany(Rows))
        {
            html.Append("<tr>").AppendJoin("", row.Cells.Select(v => $"<td>{WebUtility.HtmlEncode(v)}</td>")).Append("</tr>\n");
        }

        return html.Append("</table>\n</body></html>\n").ToString();
    }

    private static string Ms(PercentileValue value) =>
        value.ValueUs is { } us ? (us / 1000).ToString("0.###", CultureInfo.InvariantCulture) + " ms" : "not enough data";
}
