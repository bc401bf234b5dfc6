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
            errors.Add(new BudgetError(new SourceLocation(file, ex.Start.Line, ex.Start.Column, string.Empty), $"invalid YAML: {inner}"));
            return options;
        }
        catch (Exception ex) when (YamlLimits.IsReaderFailure(ex))
        {
            errors.Add(new BudgetError(new SourceLocation(file, 1, 1, string.Empty), $"invalid YAML (the YAML reader stopped: {ex.Message})"));
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
                    options.Suite = context.Scalar(value, path);
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
