using PerfTests.Load.Results;
using PerfTests;

namespace PerfTests.Load.Running;

/// <summary>Entry point: runs scenarios (in parallel) and returns an immutable result.</summary>
public static class LoadRunner
{
    /// <summary>Runs one scenario. See <see cref="RunAsync(IEnumerable{Scenario}, LoadRunnerOptions?, CancellationToken)"/>.</summary>
    public static Task<LoadRunResult> RunAsync(Scenario scenario, LoadRunnerOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync([scenario], options, cancellationToken);

    /// <summary>
    /// Runs the scenarios side by side. Cancelling <paramref name="cancellationToken"/> stops the
    /// run cleanly: in-flight steps see the token, clean hooks run, and the PARTIAL result is
    /// returned with <see cref="LoadRunResult.IsCancelled"/> set (no exception). An abort asked for by
    /// <see cref="LoadRunnerOptions.AbortWhen"/> stops it the same way, with <see cref="LoadRunResult.AbortReason"/> set.
    /// </summary>
    /// <exception cref="ArgumentException">The scenarios or options are invalid (all problems listed).</exception>
    /// <exception cref="InvalidOperationException">A scenario's init hook failed.</exception>
    public static async Task<LoadRunResult> RunAsync(
        IEnumerable<Scenario> scenarios, LoadRunnerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        options ??= new LoadRunnerOptions();
        var list = scenarios.ToList();
        var errors = Validate(list, options).ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid load run:" + Environment.NewLine + "  - " + string.Join(Environment.NewLine + "  - ", errors));
        }

        var time = options.TimeProvider;
        var startedAt = time.GetUtcNow();
        var startTicks = time.GetTimestamp();
        var printer = options.ShouldPrintProgress ? new ProgressPrinter(options.ProgressWriter ?? Console.Out) : null;
        using var abort = new RunAbort(cancellationToken);
        var results = await Task.WhenAll(list.Select(s => ScenarioRun.RunAsync(s, options, printer, abort))).ConfigureAwait(false);
        return new LoadRunResult
        {
            StartedAt = startedAt,
            Duration = time.GetElapsedTime(startTicks),
            IsCancelled = cancellationToken.IsCancellationRequested,
            AbortReason = abort.Reason,
            TargetUnreachable = abort.TargetUnreachable,
            Shard = options.Shard,
            PlanFingerprint = Sharding.PlanFingerprint.Of(list),
            Scenarios = results,
        };
    }

    private static IEnumerable<string> Validate(List<Scenario> scenarios, LoadRunnerOptions options)
    {
        foreach (var error in options.Validate())
        {
            yield return error;
        }

        if (scenarios.Count == 0)
        {
            yield return "No scenario given.";
        }

        foreach (var name in scenarios.GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            yield return $"Two scenarios are named '{name}'.";
        }

        foreach (var s in scenarios.Where(s => s.LoadSimulations.Count == 0))
        {
            yield return $"Scenario '{s.Name}' has no load simulation: call WithLoadSimulations(...).";
        }
    }
}
