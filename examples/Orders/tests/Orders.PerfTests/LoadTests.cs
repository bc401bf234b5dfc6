namespace Orders.PerfTests;

/// <summary>The expected load: judged by budgets/load.yaml (scenario "endpoint").</summary>
[PerfSuite(PerfCategories.Load)]
public sealed class LoadTests
{
    [Test]
    public Task Endpoint_AtExpectedLoad_MeetsItsBudget() =>
        PerfTest.Create("load")
            .Target(TargetApp.Current)
            .Load(http => Scenario.Create("endpoint", http.Get("get", "/api/orders"))
                .WithWarmUp(TimeSpan.FromSeconds(3))
                .WithLoadSimulations(LoadSimulation.ConstantRate(20, TimeSpan.FromMinutes(1))))
            .RunAsync();
}
