using PerfTests.Containers.Faults;

namespace Orders.PerfTests;

/// <summary>Checkout while the payment provider is 500 ms slow for the middle half of the run: budgets/checkout-degraded.yaml.</summary>
[PerfSuite(PerfCategories.Degradation)]
public sealed class PaymentOutageTests
{
    [Test]
    public Task Checkout_PaymentProviderSlowForHalfTheRun_DegradesWithinItsBudget() =>
        PerfTest.Create("checkout-degraded")
            .Target(TargetApp.Current)
            .Run(async run =>
            {
                var faults = TargetApp.Environment.Faults;
                var hold = run.Scale(TimeSpan.FromMinutes(1));
                using (faults.Schedule(hold / 4, hold * 3 / 4, Fault.FixedLatency(TimeSpan.FromMilliseconds(500))))
                {
                    await run.RunLoadAsync([CheckoutTests.Checkout(run.Http)]);
                }

                run.Faults(faults.Timeline);
            })
            .RunAsync();
}
