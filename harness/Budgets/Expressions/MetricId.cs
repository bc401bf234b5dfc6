using System.Globalization;

namespace PerfTests.Budgets;

/// <summary>A metric named in a budget: <c>p(95)</c>, <c>avg</c>, <c>rate</c>, <c>rps</c>, <c>metric(cpu)</c>...</summary>
/// <param name="Kind">What is measured.</param>
/// <param name="Percentile">For <see cref="MetricKind.Percentile"/>: the percentile in (0, 100); else 0.</param>
/// <param name="CustomName">For <see cref="MetricKind.Custom"/>: the metric name; else empty.</param>
public sealed record MetricId(MetricKind Kind, decimal Percentile = 0, string CustomName = "")
{
    private static readonly Dictionary<string, MetricKind> Names = new(StringComparer.Ordinal)
    {
        ["avg"] = MetricKind.Mean, ["mean"] = MetricKind.Mean, ["max"] = MetricKind.Max,
        ["stddev"] = MetricKind.StdDev, ["rate"] = MetricKind.ErrorRate, ["error_rate"] = MetricKind.ErrorRate,
        ["rps"] = MetricKind.RequestsPerSecond, ["throughput"] = MetricKind.RequestsPerSecond,
        ["bytes_per_second"] = MetricKind.BytesPerSecond, ["dropped"] = MetricKind.Dropped,
        ["failures"] = MetricKind.Failures, ["requests"] = MetricKind.Requests,
    };

    /// <summary>Canonical text, e.g. <c>p(99.9)</c>, <c>rate</c>, <c>metric(cpu)</c>.</summary>
    public string Name => Kind switch
    {
        MetricKind.Percentile => $"p({Percentile.ToString(CultureInfo.InvariantCulture)})",
        MetricKind.Custom => $"metric({CustomName})",
        _ => Names.First(n => n.Value == Kind).Key,
    };

    /// <summary>Whether a smaller value is better (latency, errors) rather than larger (throughput).</summary>
    public bool LowerIsBetter => Kind is not (MetricKind.RequestsPerSecond or MetricKind.BytesPerSecond or MetricKind.Requests);

    internal UnitFamily Units => Kind switch
    {
        MetricKind.Percentile or MetricKind.Mean or MetricKind.Max or MetricKind.StdDev => UnitFamily.Latency,
        MetricKind.ErrorRate => UnitFamily.Ratio,
        MetricKind.RequestsPerSecond or MetricKind.BytesPerSecond => UnitFamily.PerSecond,
        MetricKind.Dropped or MetricKind.Failures or MetricKind.Requests => UnitFamily.Count,
        _ => UnitFamily.Any,
    };

    /// <summary>
    /// Latency samples a percentile needs to mean anything: at least 1/(1-q) samples, so that
    /// the tail it describes holds one sample (p95: 20, p99: 100, p99.9: 1000). Other metrics: 1.
    /// </summary>
    public long MinimumSamples => Kind switch
    {
        MetricKind.Percentile => (long)Math.Ceiling(100m / (100m - Percentile)),
        _ => 1,
    };

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Parses a metric name; <c>med</c> means <c>p(50)</c>.</summary>
    /// <returns>False with a reason when the text names no known metric.</returns>
    internal static bool TryParse(string text, out MetricId metric, out string error)
    {
        metric = new MetricId(MetricKind.Mean);
        error = string.Empty;
        text = text.Trim();
        if (text == "med")
        {
            metric = new MetricId(MetricKind.Percentile, 50);
            return true;
        }

        if (Names.TryGetValue(text, out var kind))
        {
            metric = new MetricId(kind);
            return true;
        }

        if (text.StartsWith("p(", StringComparison.Ordinal) && text.EndsWith(')'))
        {
            var number = text[2..^1];
            if (decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p) && p > 0 && p < 100)
            {
                metric = new MetricId(MetricKind.Percentile, p);
                return true;
            }

            error = $"unknown metric '{text}' (percentile must be between 0 and 100 exclusive; use 'max' for the largest)";
            return false;
        }

        if (text.StartsWith("metric(", StringComparison.Ordinal) && text.EndsWith(')') && text.Length > 8)
        {
            metric = new MetricId(MetricKind.Custom, CustomName: text[7..^1].Trim());
            return true;
        }

        error = $"unknown metric '{text}' (known: p(N), med, avg, max, stddev, rate, rps, bytes_per_second, dropped, failures, requests, metric(name))";
        return false;
    }
}
