using System.Globalization;
using System.Text;
using PerfTests.Budgets;
using PerfTests.Exporters.Summary;
using PerfTests.Load.Results;
using PerfTests.Load.Sharding;

namespace PerfTests.Sharding;

/// <summary>
/// The merge of a sharded run, as a command: reads the shard folders, checks they are the complete
/// shards of one run (<see cref="ShardSet"/>), merges them exactly (<see cref="ShardMerge"/>), judges the
/// budget file once on the merged measurements, and writes the markdown summary with a per-shard
/// breakdown. Its exit code is the gate: 0 passed (or warned), 1 budget breached, 2 the shards or the
/// budget could not be read (the message names the shard, the file, the line).
/// </summary>
public static class ShardMergeCommand
{
    /// <summary>Passed or warned.</summary>
    public const int Passed = 0;

    /// <summary>The budget was breached on the merged run.</summary>
    public const int Breached = 1;

    /// <summary>The shards are not one run, or a file could not be read.</summary>
    public const int InputError = 2;

    /// <summary>How to call the command (printed on a usage error).</summary>
    public const string Usage = "usage: perftests-merge --budget <budget.yaml> [--overlay <pr|nightly|...>] [--summary <file.md>] [--start-tolerance <seconds>] <shard folder or folder of shard folders>...";

    /// <summary>
    /// The command line: <see cref="Usage"/>. A folder without a shard's manifest stands for the shard
    /// folders below it (how CI artifact downloads and a shared volume lay them out).
    /// </summary>
    public static int Main(IReadOnlyList<string> args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        string? budget = null, overlay = null, summary = null;
        TimeSpan? tolerance = null;
        var folders = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (arg)
            {
                case "--budget": budget = Value(); break;
                case "--overlay": overlay = Value(); break;
                case "--summary": summary = Value(); break;
                case "--start-tolerance":
                    var text = Value();
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds) || seconds <= 0)
                    {
                        output.WriteLine($"merge: --start-tolerance '{text}' must be a number of seconds > 0.");
                        output.WriteLine(Usage);
                        return InputError;
                    }

                    tolerance = TimeSpan.FromSeconds(seconds);
                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal))
                    {
                        output.WriteLine($"merge: unknown option '{arg}'.");
                        output.WriteLine(Usage);
                        return InputError;
                    }

                    folders.AddRange(ShardFolders(arg));
                    break;
            }
        }

        if (budget is null || folders.Count == 0)
        {
            output.WriteLine(budget is null ? "merge: --budget <budget.yaml> is required." : "merge: no shard folder found in the folders given.");
            output.WriteLine(Usage);
            return InputError;
        }

        return Run(folders, budget, overlay, output, summary, tolerance);
    }

    private static IEnumerable<string> ShardFolders(string folder) =>
        File.Exists(Path.Combine(folder, ShardOutput.ManifestFile)) || !Directory.Exists(folder)
            ? [folder]
            : Directory.EnumerateFiles(folder, ShardOutput.ManifestFile, SearchOption.AllDirectories).Select(f => Path.GetDirectoryName(f)!).Order(StringComparer.Ordinal);

    /// <summary>Merges <paramref name="shardFolders"/>, judges them by <paramref name="budgetFile"/> (with <paramref name="overlay"/>), writes to <paramref name="output"/> and, when given, appends the markdown to <paramref name="summaryFile"/>.</summary>
    public static int Run(IReadOnlyList<string> shardFolders, string budgetFile, string? overlay, TextWriter output, string? summaryFile = null, TimeSpan? startTolerance = null)
    {
        ArgumentNullException.ThrowIfNull(shardFolders);
        ArgumentException.ThrowIfNullOrWhiteSpace(budgetFile);
        ArgumentNullException.ThrowIfNull(output);
        List<(string Folder, ShardManifest Manifest, LoadRunResult Run)> shards;
        Budget budget;
        try
        {
            shards = [.. shardFolders.Select(folder => ShardOutput.Read(folder) is var (manifest, run) ? (folder, manifest, run) : default)];
            ShardSet.Check([.. shards.Select(s => (s.Folder, s.Manifest))], startTolerance);
            budget = BudgetLoader.Load(budgetFile, overlay);
        }
        catch (Exception ex) when (ex is InvalidDataException or ShardSetException or BudgetValidationException or IOException or UnauthorizedAccessException)
        {
            output.WriteLine("merge: " + ex.Message);
            return InputError;
        }

        shards = [.. shards.OrderBy(s => s.Manifest.ShardIndex)];
        var merged = ShardMerge.Merge([.. shards.Select(s => s.Run)]);
        var names = merged.Scenarios.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        // Resource and custom metrics are sampled per machine: the merge judges the scenarios' load.
        var judged = budget with { Scopes = [.. budget.Scopes.Where(s => names.Contains(s.Name))] };
        var left = budget.Scopes.Where(s => !names.Contains(s.Name)).Select(s => s.Name).ToList();
        if (judged.Scopes.Count == 0)
        {
            output.WriteLine($"merge: {budgetFile} has no scope for the shards' scenarios ({string.Join(", ", names)}).");
            return InputError;
        }

        var report = BudgetEvaluator.Evaluate(judged, new LoadRunMeasurements(merged));
        var test = shards[0].Manifest.Test ?? "sharded run";
        var markdown = new StringBuilder(MarkdownSummary.Render($"{test} ({shards.Count} shards merged)", merged, report));
        markdown.Append('\n').Append(Breakdown(shards));
        if (left.Count > 0)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"\nNot judged at the merge (measured per machine, not by the load): {string.Join(", ", left)}.\n");
        }

        output.WriteLine(BudgetReportFormatter.Table(report));
        output.Write(markdown.ToString());
        if (summaryFile is not null)
        {
            SummaryFile.Append(summaryFile, markdown.Append('\n').ToString());
        }

        var verdict = report.Failed ? "breached" : report.Warned ? "warned" : "passed";
        output.WriteLine($"merge: {shards.Count} shards, {merged.Scenarios.Sum(s => s.RequestCount)} requests, budget '{budget.Suite}' {verdict}.");
        return report.Failed ? Breached : Passed;
    }

    private static string Breakdown(IReadOnlyList<(string Folder, ShardManifest Manifest, LoadRunResult Run)> shards)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder("| shard | host | started | requests | failed | dropped | p95 |\n|---|---|---|---|---|---|---|\n");
        foreach (var (_, manifest, run) in shards)
        {
            var requests = run.Scenarios.Sum(s => s.RequestCount);
            var p95 = run.Scenarios.Count == 1 && run.Scenarios[0].Latency.P95.ValueUs is { } us ? (us / 1000).ToString("0.###", c) + " ms" : "per scenario";
            text.Append(c, $"| {manifest.ShardIndex + 1}/{manifest.ShardCount} | {manifest.Host} | {manifest.StartedAt:HH:mm:ss.fff} | {requests} | {run.Scenarios.Sum(s => s.FailCount)} | {run.Scenarios.Sum(s => s.DroppedCount)} | {p95} |\n");
        }

        return text.ToString();
    }
}
