using PerfTests.Analysis.Baselines;

namespace PerfTests.GateTrust;

/// <summary>The summaries of one measure-gate-trust.sh experiment, by arm.</summary>
/// <param name="Baseline">Run 0 (what every other run was gated against).</param>
/// <param name="Same">Same-code runs, in run order.</param>
/// <param name="Slow">Runs with the slowdown injected, in run order.</param>
internal sealed record GateTrustRuns(RunSummary Baseline, IReadOnlyList<RunSummary> Same, IReadOnlyList<RunSummary> Slow)
{
    /// <summary>Reads run-00/summaries, run-NN-same/summaries and run-NN-slow/summaries under <paramref name="folder"/>.</summary>
    public static GateTrustRuns Load(string folder)
    {
        var dirs = Directory.GetDirectories(folder, "run-*").Order(StringComparer.Ordinal).ToList();
        var baseline = dirs.FirstOrDefault(d => Path.GetFileName(d) == "run-00")
            ?? throw new DirectoryNotFoundException($"No run-00 (the baseline run) in {folder}.");
        return new GateTrustRuns(
            Read(baseline)!,
            [.. dirs.Where(d => d.EndsWith("-same", StringComparison.Ordinal)).Select(Read).OfType<RunSummary>()],
            [.. dirs.Where(d => d.EndsWith("-slow", StringComparison.Ordinal)).Select(Read).OfType<RunSummary>()]);
    }

    // A run that saved no summary (crashed, cancelled) counts as missing, not as a verdict.
    private static RunSummary? Read(string runFolder)
    {
        var summaries = Path.Combine(runFolder, "summaries");
        var file = Directory.Exists(summaries)
            ? Directory.GetFiles(summaries, "*.json").FirstOrDefault(f => !f.EndsWith(".comparison.json", StringComparison.Ordinal))
            : null;
        return file is null ? null : RunSummaryFile.FromJson(File.ReadAllText(file));
    }
}
