using PerfTests.Budgets;
using PerfTests.Load.Results;
using PerfTests.Reporting.Context;

namespace PerfTests;

/// <summary>
/// A stress test's workload: the arrival rate steps up (open model, one rung after another) until a
/// rung breaks the test's budget. The breaking point is the last rung within budget; the run the
/// budget judges at the end is that rung, with the ladder's own metrics on the scenario:
/// <c>metric(sustainable_rps)</c> (iterations per second completed there) and
/// <c>metric(error_rate_past_break)</c> (errors on the first broken rung, 0..1).
/// </summary>
/// <example><code>
/// PerfTest.Create("stress").Target(App.Current)
///     .Run(new StressLadder(http => Scenario.Create("orders-mix", http.Get("list", "/api/orders"), http.Get("one", "/api/orders/1"))))
///     .RunAsync();
/// </code></example>
public sealed class StressLadder : IWorkload
{
    private readonly Func<HttpTarget, Scenario> _scenario;

    /// <summary>A ladder of <paramref name="scenario"/>'s iterations.</summary>
    /// <param name="scenario">One iteration's steps against the target; the ladder sets its load stages (any given are replaced).</param>
    /// <param name="rates">Offered iterations per second, ascending; default <see cref="DoublingRates"/>.</param>
    /// <param name="rung">Measured length of each rung before the profile's DurationScale (a 2 s warm-up precedes it); default 2 minutes.</param>
    public StressLadder(Func<HttpTarget, Scenario> scenario, IReadOnlyList<double>? rates = null, TimeSpan? rung = null)
    {
        _scenario = scenario ?? throw new ArgumentNullException(nameof(scenario));
        Rates = rates ?? DoublingRates;
        Rung = rung ?? TimeSpan.FromMinutes(2);
        if (Rates.Count == 0 || Rates.Any(r => !double.IsFinite(r) || r <= 0) || Rates.Zip(Rates.Skip(1)).Any(p => p.Second <= p.First))
        {
            throw new ArgumentException($"Rates must be positive and ascending (were {string.Join(", ", Rates)}).", nameof(rates));
        }

        if (Rung <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(rung), Rung, "A rung must last longer than zero.");
        }
    }

    /// <summary>Offered iterations per second doubling from 5 to 320: the breaking point is known within a factor of 2.</summary>
    public static IReadOnlyList<double> DoublingRates { get; } = [5, 10, 20, 40, 80, 160, 320];

    /// <summary>Offered iterations per second, one rung each.</summary>
    public IReadOnlyList<double> Rates { get; }

    /// <summary>Length of each rung before scaling.</summary>
    public TimeSpan Rung { get; }

    /// <summary>Every rung run, once the ladder is over.</summary>
    public StressLadderResult? Result { get; private set; }

    /// <inheritdoc />
    public async Task RunAsync(PerfRunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var budget = context.Budget ?? throw new InvalidOperationException("A stress ladder judges each rung by the test's budget; PerfTest.Create(name) must name a budget file.");
        var http = context.HttpOrNull ?? throw new InvalidOperationException("A stress ladder loads the test's target; give the test one (Target(...) or TargetUrl).");
        var iteration = _scenario(http);
        context.Parameter("rates", string.Join(", ", Rates) + " /s");
        var rungs = new List<StressRung>();
        foreach (var rate in Rates)
        {
            var scenario = iteration
                .WithWarmUp(iteration.WarmUp > TimeSpan.Zero ? iteration.WarmUp : TimeSpan.FromSeconds(2))
                .WithLoadSimulations(LoadSimulation.ConstantRate(rate, Rung))
                // A bounded queue: past saturation, arrivals are dropped rather than queued for minutes.
                .WithCapacity(maxWorkers: Math.Max(iteration.MaxWorkers, 256), maxQueuedArrivals: (int)Math.Max(50, rate * 2));
            var run = await context.RunUnrecordedAsync([scenario], $"rung {rate:0.#}/s").ConfigureAwait(false);
            var step = new StressRung(iteration.Name, rate, run, JudgeRung(budget, new LoadRunMeasurements(run)));
            rungs.Add(step);
            await context.Progress.WriteLineAsync("[stress] " + step.Describe()).ConfigureAwait(false);
            if (!step.WithinBudget || run.IsCancelled)
            {
                break;
            }
        }

        var ladder = Result = new StressLadderResult(rungs);
        context.AddRun((ladder.LastSustainable ?? ladder.Rungs[0]).Run);
        context.Metric(iteration.Name, "sustainable_rps", ladder.SustainablePerSecond);
        context.Metric(iteration.Name, "error_rate_past_break", ladder.ErrorRatePastBreak);
        context.Note("ladder", string.Join(System.Environment.NewLine, ladder.Rungs.Select(r => r.Describe())));
        context.Trend($"stress.{iteration.Name}.sustainable_rps", ladder.SustainablePerSecond, "/s", MetricDirection.HigherIsBetter);
        await context.Output.WriteLineAsync(ladder.FirstBroken is { } broken
            ? $"Breaking point: {ladder.SustainablePerSecond:0.0} iterations/s sustained; at {broken.OfferedPerSecond:0.#}/s offered errors were {broken.ErrorRate:P1}, dropped {broken.Result.DroppedCount}, p95 {broken.Result.Latency.P95.ValueUs / 1000.0:0} ms"
            : $"No rung broke the budget: at least {ladder.SustainablePerSecond:0.0} iterations/s sustained (raise the ladder)").ConfigureAwait(false);
    }

    // Ladder metrics only exist once the ladder is over, so a rung is judged on everything else.
    private static BudgetReport JudgeRung(Budget budget, IMeasurements measurements)
    {
        var report = BudgetEvaluator.Evaluate(budget, measurements);
        return report with { Conclusions = report.Conclusions.Where(c => c.Metric.Kind != MetricKind.Custom).ToList() };
    }
}
