using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PerfTests.Budgets;

/// <summary>
/// Reads one budget file through YamlDotNet's representation model, so every key keeps its line
/// and column; reports every problem it finds instead of stopping at the first.
/// </summary>
internal static class BudgetYamlReader
{
    internal static readonly string[] RootKeys = ["suite", "description", "defaults", "scenarios"];
    internal static readonly string[] DefaultsKeys = ["on_insufficient_data", "min_samples"];

    public static BudgetFileOptions Read(string text, string file, List<BudgetError> errors)
    {
        var options = new BudgetFileOptions(file);
        if (!YamlLimits.Check(text, file, errors))
        {
            return options;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var inner = ex.InnerException?.Message ?? ex.Message;
            // The YAML reader places its tab error at (1,1): the tab that indents a line is found here instead.
            if (inner.Contains("tab", StringComparison.OrdinalIgnoreCase) && IndentingTab(text) is { } tab)
            {
                errors.Add(new BudgetError(new SourceLocation(file, tab.Line, tab.Column, string.Empty),
                    "a tab indents this line: YAML indents with spaces only"));
                return options;
            }

            errors.Add(new BudgetError(new SourceLocation(file, ex.Start.Line, ex.Start.Column, string.Empty), $"invalid YAML: {inner}"));
            return options;
        }
        catch (Exception ex) when (YamlLimits.IsReaderFailure(ex))
        {
            errors.Add(new BudgetError(new SourceLocation(file, 1, 1, string.Empty), $"invalid YAML (the YAML reader stopped: {ex.Message})"));
            return options;
        }

        if (stream.Documents.Count > 1)
        {
            // Only the first would be read: whatever follows '---' would be ignored without a word.
            var second = stream.Documents[1].RootNode;
            errors.Add(new BudgetError(new SourceLocation(file, second.Start.Line, second.Start.Column, string.Empty),
                "a second YAML document starts here: a budget file holds one document (remove the '---' line, or split the file)"));
            return options;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: "" or null })
        {
            errors.Add(new BudgetError(new SourceLocation(file, 1, 1, string.Empty), "the budget file is empty"));
            return options;
        }

        var context = new YamlReadContext(file, errors);
        foreach (var (key, _, value, path) in context.Entries(stream.Documents[0].RootNode, string.Empty, RootKeys))
        {
            switch (key)
            {
                case "suite":
                    options.Suite = SuiteName(context, value, path);
                    break;
                case "description":
                    context.Text(value, path);
                    break;
                case "defaults":
                    ReadDefaults(context, value, path, options);
                    break;
                case "scenarios":
                    foreach (var (name, nameNode, scope, scopePath) in context.Entries(value, path, null))
                    {
                        options.Scenarios[name] = ScopeYamlReader.Read(context, name, nameNode, scope, scopePath, allowSteps: true);
                    }

                    break;
            }
        }

        return options;
    }

    /// <summary>A suite name names files (summaries, reports): a file name, never a path.</summary>
    private static string? SuiteName(YamlReadContext context, YamlNode node, string path)
    {
        var name = context.Text(node, path);
        if (name is null || IsFileName(name))
        {
            return name;
        }

        context.Error(node, path, $"'{name}' cannot name a suite: use letters, digits, '.', '-' and '_' (not starting with '.'), at most 100");
        return null;
    }

    internal static bool IsFileName(string name) =>
        name.Length is > 0 and <= 100 && name[0] != '.' && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    /// <summary>The first tab among a line's leading blanks (1-based line and column), or null.</summary>
    private static (long Line, long Column)? IndentingTab(string text)
    {
        long line = 1;
        var column = 1;
        var leading = true;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                (line, column, leading) = (line + 1, 1, true);
                continue;
            }

            if (leading && c == '\t')
            {
                return (line, column);
            }

            leading &= c == ' ';
            column++;
        }

        return null;
    }

    private static void ReadDefaults(YamlReadContext context, YamlNode node, string path, BudgetFileOptions options)
    {
        foreach (var (key, _, value, keyPath) in context.Entries(node, path, DefaultsKeys))
        {
            if (key == "on_insufficient_data")
            {
                options.OnInsufficientData = context.Policy(value, keyPath);
            }
            else
            {
                options.MinSamples = context.Count(value, keyPath);
            }
        }
    }
}
