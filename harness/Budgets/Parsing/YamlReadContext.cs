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

    public string? Scalar(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } text })
        {
            return text;
        }

        Error(node, path, "expected a single value");
        return null;
    }

    public long? Count(YamlNode node, string path)
    {
        var text = Scalar(node, path);
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        Error(node, path, $"'{text}' is not a whole number >= 0");
        return null;
    }

    public InsufficientDataPolicy? Policy(YamlNode node, string path)
    {
        var text = Scalar(node, path);
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
