using System.Globalization;

namespace PerfTests.Budgets;

/// <summary>Formats a metric value in the unit people write budgets in.</summary>
public static class ValueFormatter
{
    /// <summary>Formats <paramref name="value"/> (base unit) for <paramref name="metric"/>; NaN as "n/a".</summary>
    public static string Format(MetricId metric, double value)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (double.IsNaN(value))
        {
            return "n/a";
        }

        var c = CultureInfo.InvariantCulture;
        return metric.Units switch
        {
            UnitFamily.Latency => value.ToString("0.###", c) + " ms",
            UnitFamily.Ratio => (value * 100).ToString("0.###", c) + "%",
            UnitFamily.PerSecond => value.ToString("0.##", c) + "/s",
            UnitFamily.Count => value.ToString("0", c),
            _ => value.ToString("0.####", c),
        };
    }
}
