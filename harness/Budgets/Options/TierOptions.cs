namespace PerfTests.Budgets;

/// <summary>Three-tier limits of one metric as written in YAML (<c>target</c> / <c>warn</c> / <c>fail</c>), each optional.</summary>
internal sealed class TierOptions(MetricId metric, SourceLocation location)
{
    public MetricId Metric { get; } = metric;

    public SourceLocation Location { get; } = location;

    public TierValue? Target { get; set; }

    public TierValue? Warn { get; set; }

    public TierValue? Fail { get; set; }

    /// <summary>Only for custom metrics: the run may not report it (then skipped, not failed).</summary>
    public bool Optional { get; set; }

    /// <summary>Only for custom metrics, whose direction the library cannot know; default false.</summary>
    public bool? HigherIsBetter { get; set; }

    public bool LowerIsBetter => Metric.Kind == MetricKind.Custom ? HigherIsBetter != true : Metric.LowerIsBetter;
}

/// <summary>One tier limit in the metric's base unit, with where it was written.</summary>
internal sealed record TierValue(double Value, SourceLocation Location);
