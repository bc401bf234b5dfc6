using System.Globalization;
using System.Text;

namespace PerfTests.Browser;

/// <summary>Every measured run of one page under one set of lab conditions, and their aggregation.</summary>
public sealed class PageVitals
{
    internal PageVitals(string scope, PageSpec page, LabConditions conditions, IReadOnlyList<PageSample> samples)
    {
        Scope = scope;
        Page = page;
        Conditions = conditions;
        Samples = samples;
        Metrics = samples.SelectMany(s => s.Values.Keys).Distinct().Order(StringComparer.Ordinal)
            .ToDictionary(name => name, name => MetricSpread.Of(samples.Where(s => s.Values.ContainsKey(name)).Select(s => s.Values[name]))!);
    }

    /// <summary>Budget scenario name (page name, with <c>@conditions</c> unless desktop).</summary>
    public string Scope { get; }

    /// <summary>The page measured.</summary>
    public PageSpec Page { get; }

    /// <summary>Lab conditions applied.</summary>
    public LabConditions Conditions { get; }

    /// <summary>The measured runs (warm-up and capture runs excluded).</summary>
    public IReadOnlyList<PageSample> Samples { get; }

    /// <summary>Median and spread of each metric measured in at least one run.</summary>
    public IReadOnlyDictionary<string, MetricSpread> Metrics { get; }

    /// <summary>PNG screenshot at the end of the capture run, or null.</summary>
    public byte[]? Screenshot { get; internal set; }

    /// <summary>SVG filmstrip and timeline of the capture run, or null.</summary>
    public string? Filmstrip { get; internal set; }

    /// <summary>The capture run's DevTools trace (open it in Chrome DevTools' Performance panel), or null.</summary>
    public byte[]? Trace { get; internal set; }

    /// <summary>The machine's CPU benchmark index when the page was measured (Lighthouse's benchmarkIndex method), or null.</summary>
    public double? CpuBenchmarkIndex { get; init; }

    /// <summary>
    /// Lighthouse-style diagnostics of the run with the median TBT: the render-blocking resources as an
    /// opportunity, and each long task with the scripts behind it.
    /// </summary>
    public string Diagnostics()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        if (CpuBenchmarkIndex is { } index)
        {
            text.AppendLine(c, $"CPU benchmark index {index:0}{(index < CpuBenchmark.SlowHostBelow ? " (slow host: below Lighthouse's 1000, throttled numbers read worse than a real phone's)" : "")}");
        }

        if (Samples.Count == 0)
        {
            return text.ToString();
        }

        var run = Samples.OrderBy(s => s.Values.GetValueOrDefault(VitalMetrics.Tbt)).ElementAt((Samples.Count - 1) / 2);
        var wait = Metrics.TryGetValue(VitalMetrics.RenderBlockingMs, out var w) ? w.Median : 0;
        text.AppendLine(c, $"Opportunity: eliminate render-blocking resources: {run.RenderBlocking.Count} held the first paint, about {wait:0} ms (median) after the document arrived");
        foreach (var blocking in run.RenderBlocking)
        {
            text.AppendLine(c, $"  {blocking.Url}  {blocking.TransferSize / 1024:0.0} KB  {blocking.StartMs:0}-{blocking.EndMs:0} ms");
        }

        text.AppendLine(c, $"Long tasks (run with the median TBT): {run.LongTasks.Count}");
        foreach (var task in run.LongTasks)
        {
            text.AppendLine(c, $"  at {task.StartMs:0} ms  {task.DurationMs:0} ms  {task.Attribution}");
        }

        return text.ToString();
    }

    /// <summary>A fixed-width table: metric, median, min, max, spread in % of the median, runs.</summary>
    public string ToTable()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"{Scope} ({Page.Path}, {Conditions.Name}, {Samples.Count} runs, LCP element {(Samples.Count > 0 ? Samples[^1].LcpElement : "-")})");
        text.AppendLine(c, $"  {"metric",-16}{"median",14}{"min",14}{"max",14}{"spread",9}{"runs",6}");
        foreach (var (name, m) in Metrics)
        {
            var spread = m.Median == 0 ? "-" : ((m.Max - m.Min) / m.Median).ToString("0%", c);
            text.AppendLine(c, $"  {name,-16}{m.Median,14:0.###}{m.Min,14:0.###}{m.Max,14:0.###}{spread,9}{m.Count,6}");
        }

        return text.ToString();
    }
}
