using PerfTests.Load.SteadyState;
using PerfTests.Load.Simulations;

namespace PerfTests;

/// <summary>
/// An immutable scenario: named steps run in order each iteration, hooks, warm-up and load
/// stages. Built fluently: <c>Scenario.Create("name", steps).WithLoadSimulations(...)</c>;
/// every <c>With</c> returns a new instance.
/// </summary>
public sealed record Scenario
{
    private Scenario(string name, IReadOnlyList<Step> steps)
    {
        Name = name;
        Steps = steps;
    }

    /// <summary>Scenario name (unique within a run).</summary>
    public string Name { get; }

    /// <summary>Steps run in order each iteration; a failed step ends the iteration as failed.</summary>
    public IReadOnlyList<Step> Steps { get; }

    /// <summary>Runs once before load starts; an exception aborts the run with a clear error.</summary>
    public Func<ScenarioContext, CancellationToken, Task>? Init { get; private init; }

    /// <summary>Runs once after load stops (also after cancellation).</summary>
    public Func<ScenarioContext, CancellationToken, Task>? Clean { get; private init; }

    /// <summary>Load at the first stage's level before measuring; its iterations are excluded. Default none. For an auto warm-up, its cap.</summary>
    public TimeSpan WarmUp { get; private init; }

    /// <summary>True when the warm-up ends as soon as the latency is steady (<see cref="WithAutoWarmUp"/>), at most after <see cref="WarmUp"/>.</summary>
    public bool AutoWarmUp { get; private init; }

    /// <summary>Load stages, run one after another. Default: none (the runner refuses that).</summary>
    public IReadOnlyList<LoadSimulation> LoadSimulations { get; private init; } = [];

    /// <summary>
    /// Open model: workers (concurrent iterations, k6 maxVUs) available to start arrivals. Default 100.
    /// </summary>
    public int MaxWorkers { get; private init; } = 100;

    /// <summary>
    /// Open model: arrivals allowed to wait for a worker (their wait counts in the corrected latency,
    /// wrk2-style); beyond workers + this queue an arrival is dropped (k6 dropped_iterations).
    /// Default 10 000; 0 means drop as soon as every worker is busy (k6 behaviour).
    /// </summary>
    public int MaxQueuedArrivals { get; private init; } = 10_000;

    /// <summary>Seed for random rates, so a run's schedule repeats. Default 42.</summary>
    public int Seed { get; private init; } = 42;

    /// <summary>Creates a scenario from its steps (at least one, names unique).</summary>
    public static Scenario Create(string name, params Step[] steps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Length == 0)
        {
            throw new ArgumentException($"Scenario '{name}' needs at least one step.", nameof(steps));
        }

        var duplicate = steps.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Scenario '{name}' has two steps named '{duplicate.Key}'.", nameof(steps));
        }

        return new Scenario(name, [.. steps]);
    }

    /// <summary>Sets the init hook.</summary>
    public Scenario WithInit(Func<ScenarioContext, CancellationToken, Task> init) => this with { Init = init };

    /// <summary>Sets the clean hook.</summary>
    public Scenario WithClean(Func<ScenarioContext, CancellationToken, Task> clean) => this with { Clean = clean };

    /// <summary>Sets the warm-up duration (not measured).</summary>
    public Scenario WithWarmUp(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return this with { WarmUp = duration, AutoWarmUp = false };
    }

    /// <summary>
    /// Warm-up until the per-second p95 is steady by MSER-5, at most <paramref name="max"/>: a cold cache or a
    /// JIT-heavy start is waited out, and a quick start is not made to wait a fixed time. MSER-5 needs
    /// 30 s of warm-up to judge (35 s to see a start-up transient end), so the warm-up lasts between 30 s
    /// and <paramref name="max"/>; one that
    /// reaches <paramref name="max"/> unsteady is reported as such (<see cref="PerfTests.Load.Results.ScenarioResult.WarmUpSteadiness"/>),
    /// and a breach then is judged as on a disturbed machine.
    /// </summary>
    public Scenario WithAutoWarmUp(TimeSpan max)
    {
        if (max < TimeSpan.FromSeconds(Mser.MinimumPoints))
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, $"An auto warm-up needs a cap of at least {Mser.MinimumPoints} s: MSER-5 judges steadiness on {Mser.MinimumPoints} s or more.");
        }

        return this with { WarmUp = max, AutoWarmUp = true };
    }

    /// <summary>Sets the load stages (replacing previous ones).</summary>
    public Scenario WithLoadSimulations(params LoadSimulation[] simulations)
    {
        ArgumentNullException.ThrowIfNull(simulations);
        return this with { LoadSimulations = [.. simulations] };
    }

    /// <summary>Open-model capacity: <paramref name="maxWorkers"/> concurrent iterations and a queue of <paramref name="maxQueuedArrivals"/>.</summary>
    public Scenario WithCapacity(int maxWorkers, int maxQueuedArrivals = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWorkers, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxQueuedArrivals);
        return this with { MaxWorkers = maxWorkers, MaxQueuedArrivals = maxQueuedArrivals };
    }

    /// <summary>Seed for random rates.</summary>
    public Scenario WithSeed(int seed) => this with { Seed = seed };

    /// <summary>Length of the measured part: the stages one after another (warm-up not included).</summary>
    public TimeSpan Duration => LoadSimulations.Aggregate(TimeSpan.Zero, (total, stage) => total + stage.During);

    /// <summary>
    /// Every stage lasting <paramref name="factor"/> times as long (the warm-up is kept: reaching a steady
    /// state takes as long in a short run). PerfTest applies the profile's DurationScale this way.
    /// </summary>
    public Scenario ScaleStages(double factor) => this with { LoadSimulations = [.. LoadSimulations.Select(s => s.ScaleDuration(factor))] };
}
