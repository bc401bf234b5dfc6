using System.Globalization;
using PerfTests.Load.Sharding;

namespace PerfTests.Exporters;

/// <summary>
/// A shard's output for the merge (<see cref="ShardOutput"/>): written only when the run is a shard
/// (<see cref="PerfSettings.Shard"/>), to &lt;ShardDir&gt;/&lt;Fixture&gt;.&lt;Test&gt;/shard-&lt;n&gt;-of-&lt;count&gt;.
/// </summary>
public sealed class ShardOutputExporter : IExporter
{
    /// <inheritdoc />
    public string Name => "shard output";

    /// <inheritdoc />
    public void Export(PerfResult result, ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        if (result.Settings.Shard.IsSingle || result.Run is not { } run)
        {
            return;
        }

        var folder = FolderOf(result);
        context.Try("write the shard's output", () =>
        {
            ShardOutput.Write(folder, run with { Shard = result.Settings.Shard }, new ShardLabels
            {
                Commit = CommitLabel.Current,
                Test = result.Test.FullName,
                Fixture = result.Test.ClassName,
                TestName = result.Test.Name,
                // The file's name and the scenarios judged: the merge loads the same budget, narrowed the same way.
                Budget = result.BudgetFile?.Files is [var file, ..] ? Path.GetFileNameWithoutExtension(file) : null,
                BudgetScenarios = result.BudgetFile is { } budget ? [.. budget.Scopes.Select(s => s.Scenario).Distinct(StringComparer.Ordinal)] : [],
            });
            context.Log($"shard {result.Settings.Shard} output in {folder}");
        });
    }

    /// <summary>Where <paramref name="result"/>'s shard output goes.</summary>
    internal static string FolderOf(PerfResult result)
    {
        var root = result.Settings.ShardFolder ?? Path.Combine(result.Test.WorkDirectory, "perf-shards");
        var shard = result.Settings.Shard;
        var test = Path.GetFileNameWithoutExtension(Analysis.Baselines.RunSummaryFile.FileName(result.Test.ClassName, result.Test.Name));
        return Path.Combine(root, test, string.Create(CultureInfo.InvariantCulture, $"shard-{shard.Number}-of-{shard.Count}"));
    }
}
