using System.Globalization;
using System.Text;

namespace PerfTests.Resources;

/// <summary>Everything one sampler recorded: a time series per metric, and the sources that failed.</summary>
public sealed class ResourceReport
{
    internal ResourceReport(
        DateTimeOffset startedAt, TimeSpan interval, IReadOnlyDictionary<string, IReadOnlyList<ResourcePoint>> series,
        IReadOnlyList<ResourceSourceError> errors)
    {
        StartedAt = startedAt;
        Interval = interval;
        Series = series;
        Errors = errors;
    }

    /// <summary>Wall-clock start of sampling.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The fixed sampling interval.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Points per metric, keyed <c>source.metric</c> (e.g. <c>pg.connections_active</c>), in time order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ResourcePoint>> Series { get; }

    /// <summary>Sources that failed (each once) and were skipped afterwards.</summary>
    public IReadOnlyList<ResourceSourceError> Errors { get; }

    /// <summary>Aggregates of <paramref name="metric"/>, or null when it was never sampled.</summary>
    public ResourceStats? Stats(string metric) =>
        Series.TryGetValue(metric, out var points) && points.Count > 0 ? ResourceStats.Of(points) : null;

    /// <summary>
    /// Budget metrics: for every series <c>name.peak</c>, <c>name.mean</c>, <c>name.p95</c> and
    /// <c>name.min</c> (judge a hit ratio with its min or mean, everything else with peak/mean/p95).
    /// </summary>
    public IReadOnlyDictionary<string, double> ToMetrics()
    {
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var name in Series.Keys)
        {
            if (Stats(name) is not { } stats)
            {
                continue;
            }

            metrics[name + ".peak"] = stats.Peak;
            metrics[name + ".mean"] = stats.Mean;
            metrics[name + ".p95"] = stats.P95;
            metrics[name + ".min"] = stats.Min;
        }

        return metrics;
    }

    /// <summary>A table of every metric (samples, min, mean, p95, peak) and every source error.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"resource",-40} {"n",5} {"min",12} {"mean",12} {"p95",12} {"peak",12}");
        foreach (var name in Series.Keys.Order(StringComparer.Ordinal))
        {
            if (Stats(name) is { } s)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"{name,-40} {s.Count,5} {s.Min,12:0.###} {s.Mean,12:0.###} {s.P95,12:0.###} {s.Peak,12:0.###}");
            }
        }

        foreach (var error in Errors)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"source '{error.Source}' failed at {error.Offset.TotalSeconds:0.0} s and was skipped: {error.Message}");
        }

        return text.ToString();
    }

    /// <summary>The series as CSV (<c>offset_s,metric,value</c>), for timeline charts in reports.</summary>
    public string ToCsv()
    {
        var text = new StringBuilder("offset_s,metric,value\n");
        foreach (var (name, points) in Series.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            foreach (var point in points)
            {
                text.Append(CultureInfo.InvariantCulture, $"{point.Offset.TotalSeconds:0.###},{name},{point.Value:0.######}\n");
            }
        }

        return text.ToString();
    }
}
