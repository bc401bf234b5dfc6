using PerfTests.Suites.Infrastructure;

namespace PerfTests.Suites.Spike;

/// <summary>The two scenarios of a spike run (budgets/spike.yaml names them).</summary>
internal static class SpikeScenarios
{
    /// <summary>Base load for the whole run; its timeline gives the time to recover.</summary>
    public const string Steady = "steady";

    /// <summary>The extra arrivals of the burst only.</summary>
    public const string Burst = "spike-burst";

    /// <summary>Both scenarios; each iteration reads a page of clients and one client.</summary>
    public static IReadOnlyList<Scenario> Build(PortalSteps steps, SpikePlan plan)
    {
        var warmUp = TimeSpan.FromSeconds(3);
        var steady = Scenario.Create(Steady, steps.ClientsList(), steps.ClientDetail())
            .WithWarmUp(warmUp)
            .WithLoadSimulations(LoadSimulation.ConstantRate(plan.BasePerSecond, plan.Total))
            .WithCapacity(maxWorkers: 100, maxQueuedArrivals: 2_000);
        // Warm-up holds the first stage's level (a pause: nothing), so both timelines start together.
        var burst = Scenario.Create(Burst, steps.ClientsList(), steps.ClientDetail())
            .WithWarmUp(warmUp)
            .WithLoadSimulations(
                LoadSimulation.Pause(plan.Before),
                LoadSimulation.ConstantRate(plan.BurstExtraPerSecond, plan.Burst),
                LoadSimulation.Pause(plan.After))
            // Bounded capacity like a real client pool: what cannot start within it is dropped and reported.
            .WithCapacity(maxWorkers: 200, maxQueuedArrivals: (int)(plan.BurstExtraPerSecond * 2));
        return [steady, burst];
    }
}
