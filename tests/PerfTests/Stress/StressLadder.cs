using PerfTests.Budgets;
using PerfTests.Load.Results;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Stress;

/// <summary>
/// Steps the arrival rate up (open model, one rung after another) until a rung breaks the stress
/// budget. Each iteration is the portal journey login, clients-list, client-detail, portfolio-irr,
/// so the budget judges every endpoint kind at every rate. The last sustainable rung is the run the
/// budget judges at the end, with the ladder's own metrics (sustainable rate, errors past the break).
/// </summary>
/// <param name="rates">Offered iterations per second, ascending.</param>
/// <param name="rung">Measured length of each rung at nightly scale (a 2 s warm-up precedes it).</param>
internal sealed class StressLadder(IReadOnlyList<double> rates, TimeSpan rung) : IWorkload
{
    /// <summary>Scenario name; budgets/stress.yaml judges it.</summary>
    public const string ScenarioName = "portal-mix";

    /// <summary>Offered iterations per second, doubling: the breaking point is known within a factor of 2.</summary>
    public static readonly double[] DefaultRates = [5, 10, 20, 40, 80, 160, 320];

    /// <summary>Every rung run, once the ladder is over.</summary>
    public StressLadderResult? Result { get; private set; }

    public async Task RunAsync(PerfRunContext context)
    {
        var budget = context.Budget ?? throw new InvalidOperationException("The stress ladder judges each rung by the test's budget; it has none.");
        var steps = new PortalSteps(context.Http);
        var rungs = new List<StressRung>();
        foreach (var rate in rates)
        {
            var scenario = Scenario.Create(ScenarioName, steps.Login(), steps.ClientsList(), steps.ClientDetail(), steps.PortfolioIrr())
                .WithWarmUp(TimeSpan.FromSeconds(2))
                .WithLoadSimulations(LoadSimulation.ConstantRate(rate, rung))
                // A bounded queue: past saturation, arrivals are dropped rather than queued for minutes.
                .WithCapacity(maxWorkers: 256, maxQueuedArrivals: (int)Math.Max(50, rate * 2));
            var run = await context.RunUnrecordedAsync([scenario], $"rung {rate:0}/s");
            var step = new StressRung(rate, run, JudgeRung(budget, new LoadRunMeasurements(run)));
            rungs.Add(step);
            await context.Progress.WriteLineAsync("[stress] " + step.Describe());
            if (!step.WithinBudget || run.IsCancelled)
            {
                break;
            }
        }

        var ladder = Result = new StressLadderResult(rungs);
        context.AddRun((ladder.LastSustainable ?? ladder.Rungs[0]).Run);
        context.Metric(ScenarioName, "sustainable_rps", ladder.SustainablePerSecond);
        context.Metric(ScenarioName, "error_rate_past_break", ladder.ErrorRatePastBreak);
        context.Note("ladder", string.Join(System.Environment.NewLine, ladder.Rungs.Select(r => r.Describe())));
        context.Trend("stress.sustainable_rps", ladder.SustainablePerSecond, "/s", Reporting.Context.MetricDirection.HigherIsBetter);
        await context.Output.WriteLineAsync(ladder.FirstBroken is { } broken
            ? $"Breaking point: {ladder.SustainablePerSecond:0.0} iterations/s sustained; at {broken.OfferedPerSecond:0}/s offered errors were {broken.ErrorRate:P1}, dropped {broken.Result.DroppedCount}, p95 {broken.Result.Latency.P95.ValueUs / 1000.0:0} ms"
            : $"No rung broke the budget: at least {ladder.SustainablePerSecond:0.0} iterations/s sustained (raise the ladder)");
    }

    // Ladder metrics only exist once the ladder is over, so a rung is judged on everything else.
    private static BudgetReport JudgeRung(Budget budget, IMeasurements measurements)
    {
        var report = BudgetEvaluator.Evaluate(budget, measurements);
        return report with { Conclusions = report.Conclusions.Where(c => c.Metric.Kind != MetricKind.Custom).ToList() };
    }
}
