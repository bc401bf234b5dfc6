namespace PerfTests.Budgets;

/// <summary>The budget of one scenario or step as written in YAML, before validation and freezing.</summary>
internal sealed class ScopeOptions(string name, SourceLocation location)
{
    public string Name { get; } = name;

    public SourceLocation Location { get; } = location;

    public InsufficientDataPolicy? OnInsufficientData { get; set; }

    /// <summary>Extra floor on samples for every metric of the scope; default 0 (only the percentile rule).</summary>
    public long? MinSamples { get; set; }

    public List<ThresholdOptions> Thresholds { get; } = [];

    /// <summary>Keyed by canonical metric name (<c>p(95)</c>, <c>rate</c>...).</summary>
    public Dictionary<string, TierOptions> Tiers { get; } = new(StringComparer.Ordinal);

    /// <summary>Only on scenarios.</summary>
    public Dictionary<string, ScopeOptions> Steps { get; } = new(StringComparer.Ordinal);
}
