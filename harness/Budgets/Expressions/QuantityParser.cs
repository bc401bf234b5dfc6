using System.Globalization;
using System.Text.RegularExpressions;

namespace PerfTests.Budgets;

/// <summary>Parses a limit value with its unit (<c>500ms</c>, <c>1.2s</c>, <c>1%</c>, <c>100/s</c>, <c>300KB</c>) into the metric's base unit.</summary>
internal static partial class QuantityParser
{
    // ASCII digits only ([0-9], not \d, which takes every Unicode digit that double.Parse then refuses).
    [GeneratedRegex(@"^(?<num>\+?([0-9]+(\.[0-9]*)?|\.[0-9]+))[ \t]*(?<unit>\S*)$", RegexOptions.CultureInvariant)]
    private static partial Regex QuantityPattern();

    // Far beyond any real limit (a trillion ms is 31 years) and far from where a double loses whole numbers.
    private const double MaxMagnitude = 1e12;

    /// <returns>False with a reason when the number or unit is wrong for <paramref name="metric"/>.</returns>
    public static bool TryParse(string text, MetricId metric, out double value, out string error)
    {
        value = 0;
        error = string.Empty;
        if (text.TrimStart().StartsWith('-'))
        {
            error = $"'{text.Trim()}' is negative; limits are never negative";
            return false;
        }

        var match = QuantityPattern().Match(text.Trim());
        if (!match.Success)
        {
            error = $"'{text.Trim()}' is not a number with an optional unit (e.g. 500ms, 1.2s, 1%, 100/s)";
            return false;
        }

        var number = double.Parse(match.Groups["num"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        var unit = match.Groups["unit"].Value;
        if (!double.IsFinite(number) || Math.Abs(number) > MaxMagnitude)
        {
            error = $"'{text.Trim()}' is too large to be a limit (at most {MaxMagnitude:0.#e0} in its unit)";
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

        // Units are converted in decimal: 0.7s is exactly 700 ms and 0.3% exactly 3/1000, so a
        // measured value equal to the written limit compares equal (in double, 0.7 * 1000 > 700).
        var exact = decimal.Parse(match.Groups["num"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        return metric.Units switch
        {
            UnitFamily.Latency => Latency(exact, unit, metric, out value, out error),
            UnitFamily.Ratio => Ratio(exact, unit, metric, out value, out error),
            UnitFamily.PerSecond => Only(exact, unit, metric, ["", "/s"], out value, out error),
            UnitFamily.Count => Count(exact, unit, metric, out value, out error),
            _ => Any(exact, unit, out value, out error),
        };
    }

    /// <summary>A limit written as a plain YAML number (<c>fail: 5</c>): no unit, so only metrics that need none take it.</summary>
    public static bool TryParseNumber(double number, string text, MetricId metric, out double value, out string error)
    {
        value = 0;
        error = string.Empty;
        if (double.IsNaN(number) || number < 0)
        {
            error = $"'{text}' is not a limit: limits are numbers from 0";
            return false;
        }

        if (number > MaxMagnitude)
        {
            error = $"'{text}' is too large to be a limit (at most {MaxMagnitude:0.#e0} in its unit)";
            return false;
        }

        // Through decimal, as text is: the same limit whether written 0.003 or "0.003".
        return TryParse(((decimal)number).ToString(CultureInfo.InvariantCulture), metric, out value, out error);
    }

    private static bool Latency(decimal number, string unit, MetricId metric, out double value, out string error)
    {
        error = string.Empty;
        decimal? ms = unit switch { "ms" => number, "s" => number * 1000, "us" or "µs" => number / 1000, _ => null };
        value = ms is { } v ? (double)v : double.NaN;
        if (ms is null)
        {
            error = unit.Length == 0
                ? $"'{metric.Name}' is a latency and needs a unit (ms, s, us)"
                : $"unit '{unit}' does not fit latency '{metric.Name}' (use ms, s, us)";
            return false;
        }

        return true;
    }

    private static bool Ratio(decimal number, string unit, MetricId metric, out double value, out string error)
    {
        if (!Only(number, unit, metric, ["", "%"], out value, out error))
        {
            return false;
        }

        var fraction = unit == "%" ? number / 100 : number;
        value = (double)fraction;
        if (fraction > 1)
        {
            // k6's "rate" of a counter (http_reqs) is per second: the likeliest meaning of rate < 100.
            error = unit == "%"
                ? $"'{metric.Name}' is a ratio: write 0..1 or 0..100%"
                : $"'{metric.Name}' is the share of failed requests: write 0..1 or 0..100%; for requests per second (k6's rate of a counter) write rps, e.g. 'rps < {number.ToString(CultureInfo.InvariantCulture)}'";
            return false;
        }

        return true;
    }

    private static bool Count(decimal number, string unit, MetricId metric, out double value, out string error)
    {
        if (!Only(number, unit, metric, [""], out value, out error))
        {
            return false;
        }

        if (number != decimal.Floor(number))
        {
            error = $"'{metric.Name}' is a count and needs a whole number";
            return false;
        }

        return true;
    }

    private static bool Any(decimal number, string unit, out double value, out string error)
    {
        error = string.Empty;
        // KB and MB are binary (1024), as Lighthouse's resource budgets count them.
        value = (double)(unit switch
        {
            "s" => number * 1000,
            "us" or "µs" => number / 1000,
            "%" => number / 100,
            "KB" => number * 1024,
            "MB" => number * 1024 * 1024,
            _ => number,
        });
        return true;
    }

    private static bool Only(decimal number, string unit, MetricId metric, string[] allowed, out double value, out string error)
    {
        value = (double)number;
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
