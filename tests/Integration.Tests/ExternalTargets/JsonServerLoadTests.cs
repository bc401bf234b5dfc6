using System.Diagnostics;
using System.Globalization;
using PerfTests;
using PerfTests.Load.SteadyState;

namespace Integration.Tests.ExternalTargets;

/// <summary>
/// A target no one here wrote, through the external-URL path: json-server is named by its URL only,
/// probed, loaded, judged by budgets/json-server.yaml and reported like any other target.
/// </summary>
[TestFixture]
[Category(PerfCategories.Integration)]
public sealed class JsonServerLoadTests
{
    private static readonly string[] Scopes = ["orders-page", "order"];

    private static PerfTest Test() =>
        PerfTest.Create("json-server")
            .Target(JsonServerSetUp.Current.BaseAddress.ToString())
            .Unscaled()
            .Load(http =>
            [
                Scenario.Create("orders-page", http.Get("page", step => $"/orders?_page={step.InvocationNumber % 25 + 1}&_limit=20"))
                    .WithWarmUp(TimeSpan.FromSeconds(2))
                    .WithLoadSimulations(LoadSimulation.ConstantRate(20, TimeSpan.FromSeconds(10))),
                Scenario.Create("order", http.Get("one", step => "/orders/" + (step.InvocationNumber % JsonServer.Orders + 1).ToString(CultureInfo.InvariantCulture)))
                    .WithWarmUp(TimeSpan.FromSeconds(2))
                    .WithLoadSimulations(LoadSimulation.ConstantRate(20, TimeSpan.FromSeconds(10))),
            ]);

    [Test]
    public async Task Load_ByUrlOnly_IsJudgedByItsBudgetAndReported()
    {
        var result = await Test().EvaluateAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(PerfVerdict.Passed), result.FailureMessage);
            Assert.That(result.Budget!.Conclusions.Select(c => c.Scope).Distinct(), Is.EquivalentTo(Scopes));
            Assert.That(result.Run!["order"].FailCount, Is.Zero, "every order id in the data set answers");
            Assert.That(result.ReportProblems, Is.Empty, "every exporter wrote its part of the report");
            Assert.That(result.Summary, Is.Not.Null, "the run summary (the next baseline) was written");
        }
    }

    [Test]
    public async Task Load_AutoWarmUp_MeasuresFromWhenSteadyEveryArrivalOfTheStage()
    {
        // A real Node process over loopback on the real clock: the warm-up waits for MSER-5 to call its
        // per-second p95 settled (30 s at the least: the detector's shortest series, steady from its start),
        // then the stage runs whole, on schedule.
        var result = await PerfTest.Create("json-server-auto-warm-up")
            .Target(JsonServerSetUp.Current.BaseAddress.ToString())
            .Budget("json-server", "order")
            .Unscaled()
            .Load(http => Scenario.Create("order", http.Get("one", step => "/orders/" + (step.InvocationNumber % JsonServer.Orders + 1).ToString(CultureInfo.InvariantCulture)))
                .WithAutoWarmUp(TimeSpan.FromSeconds(60))
                .WithLoadSimulations(LoadSimulation.ConstantRate(20, TimeSpan.FromSeconds(5))))
            .EvaluateAsync();

        var order = result.Run!["order"];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(order.WarmUpSteadiness, Is.Not.Null, "an auto warm-up carries its verdict");
            Assert.That(order.WarmUp.TotalSeconds, order.WarmUpSteadiness!.IsSteady ? Is.InRange(Mser.MinimumPoints, 59) : Is.EqualTo(60).Within(0.01),
                $"ended when steady or at the cap: {order.WarmUpSteadiness}");
            Assert.That(order.RequestCount + order.DroppedCount + order.InterruptedCount, Is.EqualTo(100), "every arrival of the 5 s stage at 20/s, none of the warm-up's");
            Assert.That(order.Timeline.Count, Is.InRange(5, 6));
        }
    }

    [Test]
    public async Task Stop_KillsTheServerProcess()
    {
        var server = await JsonServer.StartAsync(CancellationToken.None);
        var id = server.ProcessId;

        await server.DisposeAsync();

        Assert.That(() => Process.GetProcessById(id).HasExited, Throws.ArgumentException.Or.True, "no json-server left running");
    }
}
