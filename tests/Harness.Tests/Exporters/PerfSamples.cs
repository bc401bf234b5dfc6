using PerfTests.Budgets;
using PerfTests.Load.Histograms;
using PerfTests.Load.Results;
using PerfTests;
using PerfTests.Exporters;

namespace Harness.Tests.Exporters;

/// <summary>Deterministic runs and budget reports for the exporter tests (no engine, no clock).</summary>
internal static class PerfSamples
{
    public static readonly DateTimeOffset Start = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    /// <summary>A fault window over seconds 9..13 and an open-ended failover phase from 17 s.</summary>
    public static readonly TimelineMark[] Marks =
    [
        new(TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(13), "downstream 500s"),
        new(TimeSpan.FromSeconds(17), null, "failover"),
    ];

    /// <summary>
    /// 20 s of "checkout": ~200 requests/s at 2-7 ms, slower with failures in seconds 10-13 (160/s),
    /// second 15 without any finished request (null percentiles), 40 samples of a 150 ms tail.
    /// </summary>
    public static ScenarioResult Checkout()
    {
        var timeline = Enumerable.Range(1, 20).Select(second => second switch
        {
            15 => new TimelinePoint(second, 0, 0, 12, 0, null, null, null),
            >= 10 and <= 13 => new TimelinePoint(second, 160, 16 + (2 * second), 3, 160_000, 9_000 + (second * 100), 31_000, 150_000),
            _ => new TimelinePoint(second, 200 + (second % 3), 0, 0, 200_000, 2_500 + (second * 10), 6_000, 7_200),
        }).ToList();
        var corrected = Latencies(3_600, baseUs: 2_000, tail: 72);
        var uncorrected = Latencies(3_600, baseUs: 1_500, tail: 18);
        return Scenario("checkout", timeline, corrected, uncorrected, fails: timeline.Sum(p => p.Failures), dropped: 48,
            steps: [Step("pay", Latencies(50, baseUs: 800, tail: 0))]);
    }

    /// <summary>A scenario that never finished a request: empty timeline and histograms.</summary>
    public static ScenarioResult Empty(string name = "idle") =>
        Scenario(name, [], LatencyStats.Empty, LatencyStats.Empty, fails: 0, dropped: 0, steps: []);

    public static LoadRunResult Run(params ScenarioResult[] scenarios) => new()
    {
        StartedAt = Start,
        Duration = TimeSpan.FromSeconds(25),
        IsCancelled = false,
        Scenarios = scenarios,
    };

    /// <summary>
    /// A budget touching every verdict: p(95) misses its target (ok), p(99) fails, rate warns, rps
    /// passes, the step's p(99.9) has too few samples (fail, with a note), dropped is ignored when short.
    /// </summary>
    public static BudgetReport Report(LoadRunResult run)
    {
        static SourceLocation At(int line, string key) => new("budgets/checkout.yaml", line, 7, key);
        static Limit Le(double value) => new(Comparison.LessOrEqual, value);
        var scenario = new ScopeBudget("checkout", null, InsufficientDataPolicy.Fail, 0,
        [
            new(new MetricId(MetricKind.Percentile, 95), Le(5), Le(8), Le(40), At(4, "scenarios.checkout.tiers.p(95)")),
            new(new MetricId(MetricKind.Percentile, 99), null, null, Le(100), At(8, "scenarios.checkout.thresholds.p(99)")),
            new(new MetricId(MetricKind.ErrorRate), null, new Limit(Comparison.Less, 0.01), new Limit(Comparison.Less, 0.05), At(9, "scenarios.checkout.tiers.rate")),
            new(new MetricId(MetricKind.RequestsPerSecond), new Limit(Comparison.GreaterOrEqual, 50), null, new Limit(Comparison.GreaterOrEqual, 20), At(12, "scenarios.checkout.tiers.rps")),
        ]);
        var step = new ScopeBudget("checkout", "pay", InsufficientDataPolicy.Fail, 0,
            [new(new MetricId(MetricKind.Percentile, 99.9m), null, null, Le(10), At(16, "scenarios.checkout.steps.pay.thresholds.p(99.9)"))]);
        var budget = new Budget("checkout", "nightly", ["budgets/checkout.yaml", "budgets/checkout.nightly.yaml"], [scenario, step]);
        return BudgetEvaluator.Evaluate(budget, new LoadRunMeasurements(run));
    }

    public static LatencyStats Latencies(int count, long baseUs, int tail)
    {
        var histogram = HistogramSettings.Create();
        for (var i = 0; i < count; i++)
        {
            histogram.RecordValue(baseUs + (i * 37 % 5_000));
        }

        for (var i = 0; i < tail; i++)
        {
            histogram.RecordValue(150_000 + (i * 100));
        }

        return new LatencyStats(histogram);
    }

    private static ScenarioResult Scenario(
        string name, List<TimelinePoint> timeline, LatencyStats corrected, LatencyStats uncorrected, long fails, long dropped, List<StepStats> steps)
    {
        var requests = timeline.Sum(p => p.Requests);
        return new ScenarioResult
        {
            Name = name,
            Duration = TimeSpan.FromSeconds(Math.Max(1, timeline.Count)),
            Latency = corrected,
            UncorrectedLatency = uncorrected,
            OkCount = requests - fails,
            FailCount = fails,
            DroppedCount = dropped,
            InterruptedCount = 0,
            Bytes = timeline.Sum(p => p.Bytes),
            RequestsPerSecond = timeline.Count == 0 ? 0 : (double)requests / timeline.Count,
            BytesPerSecond = timeline.Count == 0 ? 0 : (double)timeline.Sum(p => p.Bytes) / timeline.Count,
            StatusCodes = new Dictionary<string, long> { ["200"] = requests - fails, ["503"] = fails },
            Steps = steps,
            Timeline = timeline,
        };
    }

    private static StepStats Step(string name, LatencyStats latency) => new()
    {
        Name = name,
        Latency = latency,
        OkCount = latency.Count,
        FailCount = 0,
        Bytes = 0,
        StatusCodes = new Dictionary<string, long> { ["200"] = latency.Count },
        RequestsPerSecond = latency.Count / 20.0,
        BytesPerSecond = 0,
    };
}
