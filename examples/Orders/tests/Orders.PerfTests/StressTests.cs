namespace Orders.PerfTests;

/// <summary>The breaking point: the arrival rate doubles (5, 10, 20 ... 320/s) until budgets/stress.yaml breaks.</summary>
[PerfSuite(PerfCategories.Stress)]
public sealed class StressTests
{
    [Test]
    public Task Endpoint_RisingArrivalRate_SustainsTheBudgetedRate() =>
        PerfTest.Create("stress")
            .Target(TargetApp.Current)
            .Run(new StressLadder(http => Scenario.Create("mix", http.Get("get", "/api/orders"))))
            .RunAsync();
}
