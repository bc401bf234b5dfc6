using System.Globalization;

namespace PerfTests.Budgets;

/// <summary>A metric named in a budget: <c>p(95)</c>, <c>avg</c>, <c>rate</c>, <c>rps</c>, <c>metric(cpu)</c>...</summary>
/// <param name="Kind">What is measured.</param>
/// <param name="Percentile">For <see cref="MetricKind.Percentile"/>: the percentile in (0, 100), without trailing zeros; else 0.</param>
/// <param name="CustomName">For <see cref="MetricKind.Custom"/>: the metric name; else empty.</param>
public sealed record MetricId(MetricKind Kind, decimal Percentile = 0, string CustomName = "")
{
    private static readonly Dictionary<string, MetricKind> Names = new(StringComparer.Ordinal)
    {
        ["avg"] = MetricKind.Mean, ["mean"] = MetricKind.Mean, ["max"] = MetricKind.Max, ["min"] = MetricKind.Min,
        ["stddev"] = MetricKind.StdDev, ["rate"] = MetricKind.ErrorRate, ["error_rate"] = MetricKind.ErrorRate,
        ["rps"] = MetricKind.RequestsPerSecond, ["throughput"] = MetricKind.RequestsPerSecond,
        ["bytes_per_second"] = MetricKind.BytesPerSecond, ["dropped"] = MetricKind.Dropped,
        ["failures"] = MetricKind.Failures, ["requests"] = MetricKind.Requests, ["count"] = MetricKind.Requests,
    };

    // p(99.999999) needs 10^8 samples: finer percentiles are beyond any run and beyond HdrHistogram's precision.
    private const int MaxPercentileDecimals = 6;

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
        MetricKind.Percentile or MetricKind.Mean or MetricKind.Max or MetricKind.Min or MetricKind.StdDev => UnitFamily.Latency,
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

    /// <summary>
    /// Parses a metric name into its one canonical identity: <c>med</c> is <c>p(50)</c>, <c>p(95.0)</c>
    /// is <c>p(95)</c>, <c>p(0)</c> is <c>min</c>, <c>p(100)</c> is <c>max</c>, <c>count</c> is <c>requests</c>.
    /// </summary>
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
            return TryPercentile(text, text[2..^1].Trim(), out metric, out error);
        }

        if (text.StartsWith("metric(", StringComparison.Ordinal) && text.EndsWith(')') && text.Length > 8)
        {
            var name = text[7..^1].Trim();
            if (name.Length is > 0 and <= 100 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
            {
                metric = new MetricId(MetricKind.Custom, CustomName: name);
                return true;
            }

            error = $"'{text}' is not a metric name: metric(name) takes letters, digits, '_', '.', '-' (at most 100), e.g. metric(lcp)";
            return false;
        }

        error = text == "value"
            ? "'value' is k6's gauge aggregation: a figure the run reports here is metric(name), e.g. metric(cpu)"
            : $"unknown metric '{text}' (known: p(N), med, avg, min, max, stddev, rate, rps, bytes_per_second, dropped, failures, requests, count, metric(name))";
        return false;
    }

    private static bool TryPercentile(string text, string number, out MetricId metric, out string error)
    {
        metric = new MetricId(MetricKind.Mean);
        error = string.Empty;
        // ASCII digits and one point only: decimal.TryParse would also take signs, exponents and spaces.
        var point = number.IndexOf('.', StringComparison.Ordinal);
        var valid = number.Length is > 0 and <= 40 && number.All(c => char.IsAsciiDigit(c) || c == '.') && number.Count(c => c == '.') <= 1
            && point != 0 && point != number.Length - 1;
        if (!valid || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p) || p > 100)
        {
            error = $"unknown metric '{text}': a percentile is p(N) with N from 0 to 100, e.g. p(95) or p(99.9)";
            return false;
        }

        if (point >= 0 && number.Length - point - 1 > MaxPercentileDecimals && p != Math.Round(p, MaxPercentileDecimals))
        {
            error = $"'{text}' has more than {MaxPercentileDecimals} decimals: no run holds the samples such a percentile needs";
            return false;
        }

        metric = p switch
        {
            0 => new MetricId(MetricKind.Min),
            100 => new MetricId(MetricKind.Max),
            // One identity per percentile: p(95), p(95.0) and p(95.00) are the same metric.
            _ => new MetricId(MetricKind.Percentile, decimal.Parse(p.ToString("G29", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)),
        };
        return true;
    }
}
