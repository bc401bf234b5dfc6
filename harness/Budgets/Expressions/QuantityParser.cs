using System.Globalization;
using System.Text.RegularExpressions;

namespace PerfTests.Budgets;

/// <summary>Parses a limit value with its unit (<c>500ms</c>, <c>1.2s</c>, <c>1%</c>, <c>100/s</c>, <c>300KB</c>) into the metric's base unit.</summary>
internal static partial class QuantityParser
{
    [GeneratedRegex(@"^(?<num>[+-]?(\d+(\.\d*)?|\.\d+))\s*(?<unit>\S*)$", RegexOptions.CultureInvariant)]
    private static partial Regex QuantityPattern();

    /// <returns>False with a reason when the number or unit is wrong for <paramref name="metric"/>.</returns>
    public static bool TryParse(string text, MetricId metric, out double value, out string error)
    {
        value = 0;
        error = string.Empty;
        var match = QuantityPattern().Match(text.Trim());
        if (!match.Success)
        {
            error = $"'{text.Trim()}' is not a number with an optional unit (e.g. 500ms, 1.2s, 1%, 100/s)";
            return false;
        }

        var number = double.Parse(match.Groups["num"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        var unit = match.Groups["unit"].Value;
        if (number < 0)
        {
            error = $"'{text.Trim()}' is negative; limits are never negative";
            return false;
        }

        if (unit is not ("" or "ms" or "s" or "us" or "µs" or "%" or "/s" or "B" or "KB" or "MB"))
        {
            error = $"unknown unit '{unit}' (use ms, s, us, %, /s, B, KB, MB)";
            return false;
        }

        // Sizes only make sense for custom metrics (e.g. metric(js_bytes)), which are measured in bytes.
        if (unit is "B" or "KB" or "MB" && metric.Units != UnitFamily.Any)
        {
            error = $"unit '{unit}' is a size and fits only custom metrics such as metric(js_bytes), not '{metric.Name}'";
            return false;
        }

        return metric.Units switch
        {
            UnitFamily.Latency => Latency(number, unit, metric, out value, out error),
            UnitFamily.Ratio => Ratio(number, unit, metric, out value, out error),
            UnitFamily.PerSecond => Only(number, unit, metric, ["", "/s"], out value, out error),
            UnitFamily.Count => Count(number, unit, metric, out value, out error),
            _ => Any(number, unit, out value, out error),
        };
    }

    private static bool Latency(double number, string unit, MetricId metric, out double value, out string error)
    {
        error = string.Empty;
        value = unit switch { "ms" => number, "s" => number * 1000, "us" or "µs" => number / 1000, _ => double.NaN };
        if (double.IsNaN(value))
        {
            error = unit.Length == 0
                ? $"'{metric.Name}' is a latency and needs a unit (ms, s, us)"
                : $"unit '{unit}' does not fit latency '{metric.Name}' (use ms, s, us)";
            return false;
        }

        return true;
    }

    private static bool Ratio(double number, string unit, MetricId metric, out double value, out string error)
    {
        if (!Only(number, unit, metric, ["", "%"], out value, out error))
        {
            return false;
        }

        value = unit == "%" ? number / 100 : number;
        if (value > 1)
        {
            error = $"'{metric.Name}' is a ratio: write 0..1 or 0..100%";
            return false;
        }

        return true;
    }

    private static bool Count(double number, string unit, MetricId metric, out double value, out string error)
    {
        if (!Only(number, unit, metric, [""], out value, out error))
        {
            return false;
        }

        if (number != Math.Floor(number))
        {
            error = $"'{metric.Name}' is a count and needs a whole number";
            return false;
        }

        return true;
    }

    private static bool Any(double number, string unit, out double value, out string error)
    {
        error = string.Empty;
        // KB and MB are binary (1024), as Lighthouse's resource budgets count them.
        value = unit switch
        {
            "s" => number * 1000,
            "us" or "µs" => number / 1000,
            "%" => number / 100,
            "KB" => number * 1024,
            "MB" => number * 1024 * 1024,
            _ => number,
        };
        return true;
    }

    private static bool Only(double number, string unit, MetricId metric, string[] allowed, out double value, out string error)
    {
        value = number;
        error = string.Empty;
        if (allowed.Contains(unit))
        {
            return true;
        }

        var shown = string.Join(", ", allowed.Select(a => a.Length == 0 ? "no unit" : a));
        error = $"unit '{unit}' does not fit '{metric.Name}' (use {shown})";
        return false;
    }
}
