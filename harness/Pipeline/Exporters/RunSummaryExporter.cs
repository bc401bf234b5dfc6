using PerfTests.Analysis.Baselines;
using PerfTests.Gates;

namespace PerfTests.Exporters;

/// <summary>
/// Saves the run's summary (histograms and interval p95s) as &lt;Fixture&gt;.&lt;Test&gt;.json in the summary
/// folder (run setting <c>SummaryDir</c>, default perf-summaries in the work directory): the next run's
/// baseline. Beside it the baseline comparison (.comparison.json) and, for a side-by-side run, each arm
/// (.baseline.json, .candidate.json).
/// </summary>
public sealed class RunSummaryExporter : IExporter
{
    /// <inheritdoc />
    public string Name => "run summary files";

    /// <inheritdoc />
    public void Export(PerfResult result, ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        var path = SummaryPath(result);
        var budgetFailed = result.Budget?.Failed ?? false;
        if (result.Summary is { } summary)
        {
            Write(context, path, RunSummaryFile.ToJson(summary));
        }

        if (result.Baseline is { } check)
        {
            Write(context, Path.ChangeExtension(path, ".comparison.json"), BaselineCheckFormatter.ToJson(check, budgetFailed));
        }

        if (result.Gates.Select(g => g.Detail).OfType<SideBySideComparison>().FirstOrDefault() is { } sideBySide)
        {
            Write(context, Path.ChangeExtension(path, ".baseline.json"), RunSummaryFile.ToJson(sideBySide.Baseline));
            Write(context, Path.ChangeExtension(path, ".candidate.json"), RunSummaryFile.ToJson(sideBySide.Candidate));
            Write(context, Path.ChangeExtension(path, ".comparison.json"), BaselineCheckFormatter.ToJson(sideBySide.Check, sideBySide.ArmFailed));
        }
    }

    /// <summary>Where the test's summary goes: the summary folder / &lt;Fixture&gt;.&lt;Test&gt;.json.</summary>
    internal static string SummaryPath(PerfResult result)
    {
        var folder = result.Settings.SummaryFolder ?? Path.Combine(result.Test.WorkDirectory, "perf-summaries");
        return Path.Combine(folder, RunSummaryFile.FileName(result.Test.ClassName, result.Test.Name));
    }

    private static void Write(ExportContext context, string path, string json) =>
        context.Try($"save {Path.GetFileName(path)}", () =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Secrets.Scrub(json));
            context.Log($"saved {path}");
        });
}
