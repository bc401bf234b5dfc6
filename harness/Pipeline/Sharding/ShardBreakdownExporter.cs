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
            foreach (var row in ShardBreakdown.Rows(shards))
            {
                AllureContext.Step($"shard {row[0]} on {row[1]}: {row[3]} requests, p95 {row[7]}", () =>
                {
                    for (var i = 2; i < row.Length; i++)
                    {
                        AllureContext.StepParameter(ShardBreakdown.Headers[i], row[i]);
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
