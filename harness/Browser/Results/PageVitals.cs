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
