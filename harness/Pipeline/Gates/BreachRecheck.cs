using System.Globalization;
using System.Text;
using PerfTests.Load.SteadyState;
using PerfTests.Budgets;
using PerfTests.Load.Results;

namespace PerfTests.Gates;

/// <summary>
/// Is a budget breach the code's, or may the machine have made it? Asked only when the budget failed
/// and the run was disturbed: other processes took CPU (machine.foreign_cpu, mean over the run, at or
/// above <see cref="PerfSettings.BusyMachineCpu"/>), or a breached scenario's per-second p95 never got
/// steady (MSER-5), or its auto warm-up ran to the cap without settling. Each breached latency line of a scenario is then judged again, with the same limits and
/// sample rules, on consecutive windows of its steady seconds (after the MSER-5 cut), each long enough
/// for the line's samples. A slowdown of the code breaches in every window of a steady run; when one
/// window meets the limit under the same load, the system can meet it, and what broke it elsewhere
/// varied with time, as a neighbour does. The breach stands when any line breaches in every window, or
/// cannot be judged by windows (error rate, drops, throughput, a step, a custom metric); otherwise the
/// result is inconclusive, and a rerun on a quieter machine decides (<see cref="PerfSettings.InconclusiveReruns"/>).
/// </summary>
internal sealed record BreachRecheck(bool BreachStands, string Text)
{
    /// <summary>Windows shorter than this say more about the second than about the run.</summary>
    private const int MinimumWindowSeconds = 5;

    public static BreachRecheck? Assess(PerfResult result)
    {
        if (result.Budget is not { Failed: true } report || BudgetGate.AbortReason(result) is not null)
        {
            return null;
        }

        var foreign = result.Resources?.Stats(MachineMetric("foreign_cpu"))?.Mean;
        var busy = foreign >= result.Settings.BusyMachineCpu;
        var scenarios = result.Runs.SelectMany(r => r.Scenarios).GroupBy(s => s.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var steadiness = scenarios.Values.ToDictionary(s => s.Name, Steadiness, StringComparer.Ordinal);
        var failures = report.Failures.ToList();
        var scopes = failures.Select(f => f.Scope).Distinct(StringComparer.Ordinal).ToList();
        var unsteady = scopes.Where(scope => steadiness.TryGetValue(scope, out var s) && s.Points > 0 && !s.IsSteady).ToList();
        // An auto warm-up that ran to its cap unsteady: the system was still settling when measuring began.
        var unsettled = scopes.Where(scope => scenarios.TryGetValue(scope, out var s) && s.WarmUpSteadiness is { IsSteady: false, Points: > 0 }).ToList();
        if (!busy && unsteady.Count == 0 && unsettled.Count == 0)
        {
            return null;
        }

        var lines = failures.Select(f => Recheck(report.Budget, f, scenarios.GetValueOrDefault(f.Scope), steadiness)).ToList();
        var stands = lines.Any(l => l.Holds);
        var text = new StringBuilder();
        text.Append(stands ? "The environment was disturbed, but the breach holds in every steady window: " : "Inconclusive: the budget was breached while the environment was disturbed (the machine, not the code, may have made it slow): ");
        var causes = new List<string>();
        if (busy)
        {
            causes.Add($"other processes used {Percent(foreign!.Value)} of all cores (machine.foreign_cpu mean; busy from {Percent(result.Settings.BusyMachineCpu)}, setting BusyMachineCpu)");
        }

        causes.AddRange(unsteady.Select(s => $"{s} never got steady ({steadiness[s]})"));
        causes.AddRange(unsettled.Select(s => $"{s}'s auto warm-up did not get steady by its cap of {scenarios[s].WarmUp.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s"));
        text.Append(string.Join("; ", causes)).Append('.').AppendLine();
        text.AppendLine(stands ? "Lines that hold:" : "Judged again on the steady windows, no breach holds in every one of them (a window that meets the limit shows the system can):");
        foreach (var line in lines.Where(l => !stands || l.Holds))
        {
            text.AppendLine("  - " + line.Text);
        }

        return new BreachRecheck(stands, text.ToString().TrimEnd());
    }

    internal static string MachineMetric(string name) => "machine." + name;

    private static SteadyStateResult Steadiness(ScenarioResult scenario) =>
        Mser.DetectPerSecondP95(scenario);

    private static (bool Holds, string Text) Recheck(Budget budget, BudgetConclusion failure, ScenarioResult? scenario, Dictionary<string, SteadyStateResult> steadiness)
    {
        var name = $"{failure.Scope} {failure.Metric} {failure.ActualText}";
        if (scenario is null || failure.InsufficientData || failure.Metric.Kind is not (MetricKind.Percentile or MetricKind.Mean))
        {
            // Not a latency of the whole scenario: nothing to judge by windows, so the breach stands.
            return (true, $"{name}: not a scenario latency, so not judged by windows");
        }

        var steady = steadiness[scenario.Name];
        var cut = steady.IsSteady ? steady.TruncateAt : 0;
        var seconds = scenario.Intervals.Seconds.Where(s => s > cut).ToList();
        if (seconds.Count == 0)
        {
            return (false, $"{name}: no steady seconds to judge");
        }

        var perSecond = Math.Max(scenario.Latency.Count / (double)Math.Max(scenario.Timeline.Count, 1), 1e-9);
        var length = Math.Max(MinimumWindowSeconds, (int)Math.Ceiling(failure.RequiredSamples / perSecond));
        var scope = budget.Scopes.First(s => s.Name == failure.Scope);
        var single = budget with { Scopes = [scope with { Metrics = [failure.Budget] }] };
        var (judged, failed) = (0, 0);
        for (var first = seconds[0]; first + length - 1 <= seconds[^1]; first += length)
        {
            var window = scenario with { Latency = scenario.Intervals.Window(first, first + length - 1) };
            var run = new LoadRunResult { StartedAt = DateTimeOffset.UnixEpoch, Duration = window.Duration, IsCancelled = false, Scenarios = [window] };
            var conclusion = BudgetEvaluator.Evaluate(single, new LoadRunMeasurements(run)).Conclusions[0];
            if (!conclusion.InsufficientData)
            {
                judged++;
                failed += conclusion.Verdict == BudgetVerdict.Fail ? 1 : 0;
            }
        }

        var from = cut == 0 ? "from the start" : $"from {cut} s";
        var holds = judged >= 2 && failed == judged;
        var windows = string.Create(CultureInfo.InvariantCulture, $"failed {failed} of {judged} windows of {length} s ({from})");
        return (holds, judged < 2 ? $"{name}: too few steady windows of {length} s to judge ({judged})" : $"{name}: {windows}");
    }

    private static string Percent(double fraction) => (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
