namespace Orders.PerfTests;

/// <summary>
/// Placing orders: each POST /api/orders writes to PostgreSQL and charges the payment provider (the
/// WireMock stub). Judged by budgets/checkout.yaml.
/// </summary>
[PerfSuite(PerfCategories.Load)]
public sealed class CheckoutTests
{
    internal static Scenario Checkout(HttpTarget http) =>
        Scenario.Create("checkout", http.PostJson("place-order", "/api/orders", step => new { customer = $"load-{step.InvocationNumber % 50}", total = 42.50m }))
            .WithWarmUp(TimeSpan.FromSeconds(3))
            .WithLoadSimulations(LoadSimulation.ConstantRate(10, TimeSpan.FromMinutes(1)));

    [Test]
    public Task Checkout_AtExpectedLoad_MeetsItsBudget() =>
        PerfTest.Create("checkout")
            .Target(TargetApp.Current)
            .Load(Checkout)
            .RunAsync();
}
