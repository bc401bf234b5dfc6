using HdrHistogram;
using PerfTests.Load.Histograms;
using PerfTests.Load.Results;

namespace PerfTests.Load.Sharding;

/// <summary>One scenario of a shard's manifest: everything of its result but the histograms.</summary>
public sealed record ShardScenario
{
    /// <summary>Scenario name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Measured duration, seconds.</summary>
    public double DurationSeconds { get; init; }

    /// <summary>Warm-up before measuring, seconds.</summary>
    public double WarmUpSeconds { get; init; }

    /// <summary>An auto warm-up's verdict; null for a fixed one.</summary>
    public SteadyState.SteadyStateResult? WarmUpSteadiness { get; init; }

    /// <summary>Successful iterations.</summary>
    public long OkCount { get; init; }

    /// <summary>Failed iterations.</summary>
    public long FailCount { get; init; }

    /// <summary>Dropped arrivals.</summary>
    public long DroppedCount { get; init; }

    /// <summary>Interrupted iterations.</summary>
    public long InterruptedCount { get; init; }

    /// <summary>Bytes.</summary>
    public long Bytes { get; init; }

    /// <summary>Counts by status.</summary>
    public IReadOnlyDictionary<string, long> StatusCodes { get; init; } = new Dictionary<string, long>();

    /// <summary>Steps' counts, in step order.</summary>
    public IReadOnlyList<ShardStep> Steps { get; init; } = [];

    /// <summary>One point per measured second.</summary>
    public IReadOnlyList<TimelinePoint> Timeline { get; init; } = [];

    internal static ShardScenario From(ScenarioResult s) => new()
    {
        Name = s.Name,
        DurationSeconds = s.Duration.TotalSeconds,
        WarmUpSeconds = s.WarmUp.TotalSeconds,
        WarmUpSteadiness = s.WarmUpSteadiness,
        OkCount = s.OkCount,
        FailCount = s.FailCount,
        DroppedCount = s.DroppedCount,
        InterruptedCount = s.InterruptedCount,
        Bytes = s.Bytes,
        StatusCodes = s.StatusCodes,
        Steps = [.. s.Steps.Select(step => new ShardStep { Name = step.Name, OkCount = step.OkCount, FailCount = step.FailCount, Bytes = step.Bytes, StatusCodes = step.StatusCodes })],
        Timeline = s.Timeline,
    };

    internal ScenarioResult ToResult(int index, Dictionary<string, HistogramBase> histograms, string logPath)
    {
        LatencyStats Stats(string tag) => histograms.TryGetValue($"s{index}.{tag}", out var h)
            ? new LatencyStats(h)
            : throw new InvalidDataException($"{logPath} has no histogram tagged s{index}.{tag} (scenario '{Name}'): the shard's output is incomplete.");

        var seconds = Math.Max(DurationSeconds, 1e-9);
        var intervals = new LatencyIntervals.Builder();
        foreach (var point in Timeline)
        {
            if (histograms.TryGetValue($"s{index}.second{point.Second}", out var h))
            {
                intervals.Add(point.Second, h);
            }
        }

        return new ScenarioResult
        {
            Name = Name,
            Duration = TimeSpan.FromSeconds(DurationSeconds),
            WarmUp = TimeSpan.FromSeconds(WarmUpSeconds),
            WarmUpSteadiness = WarmUpSteadiness,
            Latency = Stats("latency"),
            UncorrectedLatency = Stats("uncorrected"),
            FailedLatency = Stats("failed"),
            OkCount = OkCount,
            FailCount = FailCount,
            DroppedCount = DroppedCount,
            InterruptedCount = InterruptedCount,
            Bytes = Bytes,
            RequestsPerSecond = (OkCount + FailCount) / seconds,
            BytesPerSecond = Bytes / seconds,
            StatusCodes = StatusCodes,
            Steps = [.. Steps.Select((step, j) => new StepStats
            {
                Name = step.Name,
                Latency = Stats($"step{j}.latency"),
                FailedLatency = Stats($"step{j}.failed"),
                OkCount = step.OkCount,
                FailCount = step.FailCount,
                Bytes = step.Bytes,
                StatusCodes = step.StatusCodes,
                RequestsPerSecond = (step.OkCount + step.FailCount) / seconds,
                BytesPerSecond = step.Bytes / seconds,
            })],
            Timeline = Timeline,
            Intervals = intervals.Build(),
        };
    }
}
