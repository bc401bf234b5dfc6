using PerfTests.Analysis.Baselines;
using PerfTests.Budgets;
using PerfTests.Exporters;
using PerfTests.Gates;
using PerfTests.Load.Results;
using PerfTests.Load.Sharding;
using PerfTests.Reporting.Context;
using PerfTests.Reporting.Model;

namespace PerfTests.Sharding;

/// <summary>
/// The shards merged into the result of one run and judged and reported as a test's run is: the same
/// gates (budget, saved baseline) and the same exporters, so the merged run's report, markdown and
/// saved summary read like a single run's, plus the per-shard breakdown.
/// </summary>
internal static class MergedRun
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> NoMetrics = new Dictionary<string, IReadOnlyDictionary<string, double>>();

    public static int JudgeAndReport(IReadOnlyList<MergedShard> shards, Budget budget, ShardMergeOptions options, TextWriter output)
    {
        var merged = ShardMerge.Merge([.. shards.Select(s => s.Run)]);
        var names = merged.Scenarios.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        // Resource and custom metrics are sampled per machine: the merge judges the scenarios' load.
        var judged = budget with { Scopes = [.. budget.Scopes.Where(s => names.Contains(s.Name))] };
        var notJudged = budget.Scopes.Where(s => !names.Contains(s.Name)).Select(s => s.Name).ToList();
        if (judged.Scopes.Count == 0)
        {
            output.WriteLine($"merge: {budget.Files[0]} has no scope for the shards' scenarios ({string.Join(", ", names)}).");
            return ShardMergeCommand.InputError;
        }

        var first = shards[0].Manifest;
        var identity = new TestIdentity(
            first.Fixture, first.TestName ?? first.Test ?? "sharded run", $"{first.Test ?? "sharded run"} ({shards.Count} shards merged)", Directory.GetCurrentDirectory());
        var settings = options.Settings with { Shard = Shard.Whole };
        var result = new PerfResult(budget.Suite, identity, settings)
        {
            BudgetFile = judged,
            Runs = [merged],
            Measurements = new RunMeasurements([new LoadRunMeasurements(merged)], NoMetrics, new Dictionary<string, double>()),
            // Named as the single run's summary (<Fixture>.<Test>.json): the merged run is compared with, and becomes, the same baseline.
            Summary = RunSummaryFactory.Create(merged, budget.Suite, settings.BaselineInterval, first.Commit),
        };

        using var recording = options.AllureResultsDirectory is { } folder
            ? StandaloneRecording.Start(folder, identity.FullName, identity.Name, Labels(identity), output.WriteLine)
            : null;
        AllureContext.Parameter("shards", shards.Count);
        // The gates and exporters a test's run goes through: a gate that throws fails the merge, never passes it.
        PerfRun.JudgeGates(result, [new BudgetGate(), new SavedBaselineGate()], output);
        if (result.Budget is { } report)
        {
            output.WriteLine(BudgetReportFormatter.Table(report));
        }

        PerfRun.Export(result, [.. DefaultExporters.All, new ShardBreakdownExporter(shards, notJudged)], output);
        output.Write(ShardBreakdown.Markdown(shards, notJudged));
        if (recording is not null && !recording.Stop(Status(result), Message(result)))
        {
            output.WriteLine($"merge: the Allure result could not be written to {options.AllureResultsDirectory}");
        }

        var verdict = result.Verdict switch
        {
            PerfVerdict.Failed when result.Budget?.Failed == true => "breached",
            PerfVerdict.Failed => "failed",
            PerfVerdict.Warned => "warned",
            _ => "passed",
        };
        output.WriteLine($"merge: {first.Test}: {shards.Count} shards, {merged.Scenarios.Sum(s => s.RequestCount)} requests, budget '{budget.Suite}' {verdict}" +
            $"{(result.Baseline is { } b && options.Settings.BaselineFolder is not null ? $"; baseline: {(b.IsRegression ? "regression" : "no regression")}" : "")}.");
        if (result.FailureMessage is { } failure)
        {
            output.WriteLine(failure);
        }

        return result.Verdict == PerfVerdict.Failed ? ShardMergeCommand.Breached : ShardMergeCommand.Passed;
    }

    private static AllureStatus Status(PerfResult result) => result.Verdict == PerfVerdict.Failed ? AllureStatus.Failed : AllureStatus.Passed;

    // As a test's result reads: a breach's message decides the category; a warning stays green with its message.
    private static string? Message(PerfResult result) =>
        result.FailureMessage is { } failure ? Secrets.Scrub(failure)
        : result.WarningMessage is { } warning ? Secrets.Scrub("Warning: " + warning)
        : null;

    private static IEnumerable<(string, string)> Labels(TestIdentity test)
    {
        var fixture = test.ClassName ?? "";
        var split = fixture.LastIndexOf('.');
        yield return ("parentSuite", "sharded runs");
        if (split > 0)
        {
            yield return ("suite", fixture[..split]);
        }

        yield return ("subSuite", split >= 0 ? fixture[(split + 1)..] : fixture.Length > 0 ? fixture : test.Name);
        yield return ("tag", "Sharded");
        yield return ("testClass", fixture);
        yield return ("testMethod", test.Name);
        yield return ("framework", "perftests-merge");
    }
}
