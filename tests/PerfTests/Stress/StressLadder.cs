using PerfTests.Load.Results;
using PerfTests.Budgets;
using PerfTests.Load.Http;
using PerfTests.Load.Running;
using PerfTests;
using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Stress;

/// <summary>
/// Steps the arrival rate up (open model, one rung after another) until a rung breaks the stress
/// budget. Each iteration is the portal journey login, clients-list, client-detail, portfolio-irr,
/// so the budget judges every endpoint kind at every rate.
/// </summary>
internal static class StressLadder
{
    /// <summary>Scenario name; budgets/stress.yaml judges it.</summary>
    public const string ScenarioName = "portal-mix";

    /// <summary>Offered iterations per second, doubling: the breaking point is known within a factor of 2.</summary>
    public static readonly double[] DefaultRates = [5, 10, 20, 40, 80, 160, 320];

    /// <summary>Runs rung after rung, stopping after the first that breaks the budget.</summary>
    /// <param name="baseAddress">The portal.</param>
    /// <param name="budget">Budget judging each rung (custom ladder metrics are left out per rung).</param>
    /// <param name="rates">Offered iterations per second, ascending.</param>
    /// <param name="rungDuration">Measured length of each rung (a 2 s warm-up precedes it).</param>
    /// <param name="progress">Where each rung's line is written.</param>
    /// <param name="cancellationToken">Stops the ladder; the rungs run so far are returned.</param>
    public static async Task<StressLadderResult> RunAsync(
        Uri baseAddress, Budget budget, IReadOnlyList<double> rates, TimeSpan rungDuration, TextWriter progress,
        CancellationToken cancellationToken)
    {
        using var http = new HttpStepClient(new HttpStepOptions { MaxConnectionsPerServer = 256 });
        var steps = new PortalSteps(http, baseAddress);
        var rungs = new List<StressRung>();
        foreach (var rate in rates)
        {
            var scenario = Scenario.Create(ScenarioName, steps.Login(), steps.ClientsList(), steps.ClientDetail(), steps.PortfolioIrr())
                .WithWarmUp(TimeSpan.FromSeconds(2))
                .WithLoadSimulations(LoadSimulation.ConstantRate(rate, rungDuration))
                // A bounded queue: past saturation, arrivals are dropped rather than queued for minutes.
                .WithCapacity(maxWorkers: 256, maxQueuedArrivals: (int)Math.Max(50, rate * 2));
            var run = await LoadRunner.RunAsync(scenario, new LoadRunnerOptions { Progress = ProgressMode.Never }, cancellationToken).ConfigureAwait(false);
            var report = JudgeRung(budget, new LoadRunMeasurements(run));
            var rung = new StressRung(rate, run, report);
            rungs.Add(rung);
            await progress.WriteLineAsync("[stress] " + rung.Describe()).ConfigureAwait(false);
            if (!rung.WithinBudget || run.IsCancelled)
            {
                break;
            }
        }

        return new StressLadderResult(rungs);
    }

    /// <summary>Final measurements: the last sustainable rung (else the first) plus the ladder's own metrics.</summary>
    public static LoadRunMeasurements Measurements(StressLadderResult ladder) =>
        new LoadRunMeasurements((ladder.LastSustainable ?? ladder.Rungs[0]).Run)
            .WithMetric(ScenarioName, "sustainable_rps", ladder.SustainablePerSecond)
            .WithMetric(ScenarioName, "error_rate_past_break", ladder.ErrorRatePastBreak);

    // Ladder metrics only exist once the ladder is over, so a rung is judged on everything else.
    private static BudgetReport JudgeRung(Budget budget, IMeasurements measurements)
    {
        var report = BudgetEvaluator.Evaluate(budget, measurements);
        return report with { Conclusions = report.Conclusions.Where(c => c.Metric.Kind != MetricKind.Custom).ToList() };
    }
}
