using Microsoft.Extensions.Time.Testing;
using PerfTests;
using PerfTests.Budgets;
using PerfTests.Load.Results;
using PerfTests.Load.Running;

namespace Harness.Tests.Load;

/// <summary>
/// Failed requests' latency is kept apart from successful ones' (k6's expected_response): a target that
/// fails fast cannot make p95 look good, and latency budgets judge successful requests.
/// </summary>
public sealed class FailedLatencyTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Test]
    public async Task RunAsync_FastFailuresAndSlowSuccesses_KeptApart()
    {
        // Every other request fails at once (a 503); the others take 200 ms.
        var fake = new FakeTimeProvider();
        var calls = 0;
        var step = Step.Create("get", async ctx =>
        {
            if (Interlocked.Increment(ref calls) % 2 == 0)
            {
                return StepResult.Fail(503);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), fake, ctx.CancellationToken);
            return StepResult.Ok();
        });
        var scenario = Scenario.Create("mixed", step).WithLoadSimulations(LoadSimulation.ConstantRate(20, 2 * Second));

        var result = (await FakeClock.DriveAsync(fake, LoadRunner.RunAsync(scenario, FakeClock.Options(fake)), TimeSpan.FromMilliseconds(10))).Scenarios[0];

        Assert.That(result.Latency.Count, Is.EqualTo(result.OkCount).And.EqualTo(20));
        Assert.That(result.FailedLatency.Count, Is.EqualTo(result.FailCount).And.EqualTo(20));
        Assert.That(result.Latency.P50.ValueUs, Is.GreaterThanOrEqualTo(200_000), "successes: 200 ms");
        Assert.That(result.FailedLatency.P95.ValueUs, Is.LessThan(20_000), "failures: at once");
        Assert.That(result.Steps[0].Latency.Count, Is.EqualTo(20));
        Assert.That(result.Steps[0].FailedLatency.Count, Is.EqualTo(20));
        Assert.That(result.ToString(), Does.Contain("failed:"));
    }

    [Test]
    public async Task LatencyBudget_EveryRequestFailedFast_IsNotEnoughDataNotAPass()
    {
        // Before: 100 refusals in ~0 ms made "p(95) < 100ms" pass.
        var fake = new FakeTimeProvider();
        var options = FakeClock.Options(fake);
        options.FailFastAfter = 0;
        var scenario = Scenario.Create("down", Step.Create("get", _ => ValueTask.FromResult(StepResult.Fail(503))))
            .WithLoadSimulations(LoadSimulation.ConstantRate(50, 2 * Second));
        var run = await FakeClock.DriveAsync(fake, LoadRunner.RunAsync(scenario, options), TimeSpan.FromMilliseconds(10));
        var budget = BudgetLoader.Parse("scenarios:\n  down:\n    thresholds: [ \"p(95) < 100ms\" ]\n", "latency-only.yaml");

        var conclusion = BudgetEvaluator.Evaluate(budget, new LoadRunMeasurements(run)).Conclusions.Single();

        Assert.That(conclusion.Verdict, Is.EqualTo(BudgetVerdict.Fail));
        Assert.That(conclusion.Note, Does.StartWith("not enough data: 0 samples"));
    }
}
