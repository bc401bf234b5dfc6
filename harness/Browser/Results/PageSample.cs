namespace PerfTests.Browser;

/// <summary>One run of one page: metric values (see <see cref="VitalMetrics"/>) and what the page reported.</summary>
/// <param name="Values">Metric name to value; a metric the run could not measure is absent.</param>
/// <param name="LcpElement">The element of the final LCP candidate, e.g. <c>p#lead</c>.</param>
/// <param name="Errors">Observer types the browser did not support, page errors.</param>
public sealed record PageSample(IReadOnlyDictionary<string, double> Values, string LcpElement, IReadOnlyList<string> Errors)
{
    /// <summary>The run's long tasks with the scripts behind them.</summary>
    public IReadOnlyList<LongTask> LongTasks { get; init; } = [];

    /// <summary>The resources the first paint waited for.</summary>
    public IReadOnlyList<BlockingResource> RenderBlocking { get; init; } = [];
}

/// <summary>A main-thread task over 50 ms and what ran in it.</summary>
/// <param name="StartMs">Start, ms from navigation start.</param>
/// <param name="DurationMs">Duration, ms.</param>
/// <param name="Attribution">The longest scripts of the overlapping long animation frame (<c>invoker (source) ms</c>), or "rendering" / "unattributed".</param>
public sealed record LongTask(double StartMs, double DurationMs, string Attribution);
