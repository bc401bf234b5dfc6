using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace PerfTests.Budgets;

/// <summary>Collects errors with locations while one file is read; never stops at the first error.</summary>
internal sealed class YamlReadContext(string file, List<BudgetError> errors)
{
    public string File { get; } = file;

    public SourceLocation At(YamlNode node, string key) => new(File, node.Start.Line, node.Start.Column, key);

    public void Error(YamlNode node, string key, string message) => errors.Add(new BudgetError(At(node, key), message));

    /// <summary>Yields the mapping's entries with scalar keys; reports unknown keys and non-scalar keys.</summary>
    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value, string Path)> Entries(
        YamlNode node, string path, IReadOnlyCollection<string>? allowed)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, path, "expected a mapping (key: value lines)");
            yield break;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            if (key is null)
            {
                Error(keyNode, path, "keys must be plain text");
                continue;
            }

            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            if (allowed is not null && !allowed.Contains(key))
            {
                Error(keyNode, childPath, $"unknown key '{key}' (expected one of: {string.Join(", ", allowed)})");
                continue;
            }

            yield return (key, keyNode, value, childPath);
        }
    }

    /// <summary>A text value (a plain word or a quoted string); a number, boolean or null here is an error.</summary>
    public string? Text(YamlNode node, string path)
    {
        if (node is not YamlScalarNode scalar)
        {
            Error(node, path, "expected a single value");
            return null;
        }

        var kind = YamlScalar.Kind(scalar);
        if (kind == YamlScalarKind.Text)
        {
            return scalar.Value ?? string.Empty;
        }

        Error(node, path, kind == YamlScalarKind.Null
            ? "needs a value"
            : $"expected text, found {YamlScalar.Describe(kind)} '{scalar.Value}' (put it in quotes to make it text)");
        return null;
    }

    /// <summary>A limit: a plain number (5, 0.5) or text with a unit (500ms, 1%), converted for <paramref name="metric"/>.</summary>
    public double? Quantity(YamlNode node, string path, MetricId metric)
    {
        if (node is YamlScalarNode { Value: { } number } scalar && YamlScalar.Kind(scalar) == YamlScalarKind.Number)
        {
            if (QuantityParser.TryParseNumber(YamlScalar.Number(number), number, metric, out var fromNumber, out var numberError))
            {
                return fromNumber;
            }

            Error(node, path, numberError);
            return null;
        }

        var text = Text(node, path);
        if (text is null)
        {
            return null;
        }

        if (QuantityParser.TryParse(text, metric, out var value, out var error))
        {
            return value;
        }

        Error(node, path, error);
        return null;
    }

    /// <summary>A whole number from 0 to 10^12, written as a plain number.</summary>
    public long? Count(YamlNode node, string path)
    {
        if (node is not YamlScalarNode { Value: { } text } scalar || YamlScalar.Kind(scalar) != YamlScalarKind.Number)
        {
            Error(node, path, $"'{(node as YamlScalarNode)?.Value}' is not a whole number >= 0");
            return null;
        }

        var n = YamlScalar.Number(text);
        if (n is >= 0 and <= 1e12 && n == Math.Floor(n))
        {
            return (long)n;
        }

        Error(node, path, $"'{text}' is not a whole number from 0 to 10^12");
        return null;
    }

    /// <summary>true or false (YAML's own booleans: yes, on, 1 are text, not booleans).</summary>
    public bool? Flag(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } text } scalar && YamlScalar.Kind(scalar) == YamlScalarKind.Bool)
        {
            return text is "true" or "True" or "TRUE";
        }

        Error(node, path, $"'{(node as YamlScalarNode)?.Value}' is not true or false");
        return null;
    }

    /// <summary>A duration such as <c>10s</c>, <c>500ms</c> or <c>2m</c>: a whole number of at most 9 digits and a unit.</summary>
    public TimeSpan? Duration(YamlNode node, string path)
    {
        var text = Text(node, path)?.Trim();
        if (text is null)
        {
            return null;
        }

        var unit = text.EndsWith("ms", StringComparison.Ordinal) ? "ms" : text.Length > 0 && text[^1] is 's' or 'm' ? text[^1..] : "";
        var number = text[..^unit.Length];
        if (unit.Length > 0 && number.Length is > 0 and <= 9 && number.All(char.IsAsciiDigit)
            && long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return unit switch { "ms" => TimeSpan.FromMilliseconds(n), "s" => TimeSpan.FromSeconds(n), _ => TimeSpan.FromMinutes(n) };
        }

        Error(node, path, $"'{text}' is not a duration: a whole number (at most 9 digits) with ms, s or m (e.g. 10s)");
        return null;
    }

    public InsufficientDataPolicy? Policy(YamlNode node, string path)
    {
        var text = Text(node, path);
        switch (text)
        {
            case null: return null;
            case "fail": return InsufficientDataPolicy.Fail;
            case "warn": return InsufficientDataPolicy.Warn;
            case "ignore": return InsufficientDataPolicy.Ignore;
            default:
                Error(node, path, $"'{text}' is not one of fail, warn, ignore");
                return null;
        }
    }
}
