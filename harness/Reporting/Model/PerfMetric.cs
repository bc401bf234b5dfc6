namespace PerfTests.Reporting.Model;

/// <summary>
/// One entry of a <c>{uuid}-perf.json</c> file, read by Allure 3 into its Metrics page (with trends
/// across runs). Field names follow Allure 3.18's <c>AllurePerformanceResult</c>.
/// </summary>
internal sealed class PerfMetric
{
    public required string Id { get; init; }

    public required string Key { get; init; }

    public required double Value { get; init; }

    /// <summary>Epoch milliseconds.</summary>
    public long Start { get; init; }

    /// <summary>Epoch milliseconds.</summary>
    public long Stop { get; init; }

    /// <summary>Display unit, for example "ms" or "req/s"; optional.</summary>
    public string? Unit { get; init; }

    /// <summary>"lower" or "higher": which direction is an improvement; optional.</summary>
    public string? Better { get; init; }
}
