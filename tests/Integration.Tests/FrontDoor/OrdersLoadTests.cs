using NUnit.Framework;
using PerfTests;

namespace Integration.Tests.FrontDoor;

// README "A performance test of your own": this class is the example, word for word (a Harness test
// compares them), run here against a loopback orders API started by OrdersApp.
[PerfSuite(PerfCategories.Load)]
public sealed class OrdersLoadTests
{
    [Test]
    public Task Orders_At50PerSecondForAMinute_MeetTheirBudget() =>
        PerfTest.Create("orders")                          // judged by budgets/orders.yaml
            .Target(OrdersApp.Current)                     // or TargetUrl in the runsettings
            .Load(http => Scenario.Create("list-orders", http.Get("list", "/api/orders"))
                .WithLoadSimulations(LoadSimulation.ConstantRate(50, TimeSpan.FromMinutes(1))))
            .RunAsync();                                   // overview first, then one assert
}
