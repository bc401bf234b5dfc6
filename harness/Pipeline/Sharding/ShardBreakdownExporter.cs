using PerfTests.Exporters;
using PerfTests.Reporting.Context;

namespace PerfTests.Sharding;

/// <summary>The merged run's per-shard breakdown: a step per shard and a table in its Allure result, the table in the markdown summary.</summary>
internal sealed class ShardBreakdownExporter(IReadOnlyList<MergedShard> shards, IReadOnlyList<string> notJudged) : IExporter
{
    public string Name => "shard breakdown";

    public void Export(PerfResult result, ExportContext context)
    {
        if (context.IsRecording)
        {
            foreach (var shard in shards)
            {
                var rows = ShardBreakdown.Rows(shard).ToList();
                var manifest = shard.Manifest;
                var title = $"{manifest.Name} on {manifest.Host}: {rows.Sum(r => r.Requests)} requests, {rows.Sum(r => r.Failed)} failed";
                AllureContext.Step(title, () =>
                {
                    AllureContext.StepParameter("started", rows.FirstOrDefault()?.Started ?? "");
                    foreach (var row in rows)
                    {
                        AllureContext.StepParameter($"{row.Scenario}", $"{row.Requests} requests, {row.Failed} failed, {row.Dropped} dropped, p50 {row.P50}, p95 {row.P95}, p99 {row.P99}");
                    }
                });
            }

            context.Try("shard table", () => context.Attach("shards", ShardBreakdown.Html(shards), "text/html", "html"));
        }

        if (result.Settings.SummaryFile is { } path)
        {
            context.Try("shard table (markdown)", () => Exporters.Summary.SummaryFile.Append(path, ShardBreakdown.Markdown(shards, notJudged) + "\n"));
        }
    }
}
