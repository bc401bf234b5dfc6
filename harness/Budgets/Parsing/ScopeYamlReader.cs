using YamlDotNet.RepresentationModel;

namespace PerfTests.Budgets;

/// <summary>Reads one scenario or step: settings, k6-style <c>thresholds</c> and three-tier <c>tiers</c>.</summary>
internal static class ScopeYamlReader
{
    internal static readonly string[] ScenarioKeys = ["description", "on_insufficient_data", "min_samples", "thresholds", "tiers", "steps"];
    internal static readonly string[] StepKeys = ["description", "on_insufficient_data", "min_samples", "thresholds", "tiers"];
    internal static readonly string[] TierKeys = ["target", "warn", "fail", "higher_is_better"];

    public static ScopeOptions Read(YamlReadContext context, string name, YamlNode nameNode, YamlNode node, string path, bool allowSteps)
    {
        var scope = new ScopeOptions(name, context.At(nameNode, path));
        foreach (var (key, _, value, keyPath) in context.Entries(node, path, allowSteps ? ScenarioKeys : StepKeys))
        {
            switch (key)
            {
                case "on_insufficient_data":
                    scope.OnInsufficientData = context.Policy(value, keyPath);
                    break;
                case "min_samples":
                    scope.MinSamples = context.Count(value, keyPath);
                    break;
                case "thresholds":
                    ReadThresholds(context, value, keyPath, scope);
                    break;
                case "tiers":
                    ReadTiers(context, value, keyPath, scope);
                    break;
                case "steps":
                    foreach (var (step, stepNode, stepValue, stepPath) in context.Entries(value, keyPath, null))
                    {
                        scope.Steps[step] = Read(context, step, stepNode, stepValue, stepPath, allowSteps: false);
                    }

                    break;
            }
        }

        return scope;
    }

    private static void ReadThresholds(YamlReadContext context, YamlNode node, string path, ScopeOptions scope)
    {
        if (node is not YamlSequenceNode list)
        {
            context.Error(node, path, "expected a list of expressions such as '- p(95) < 500ms'");
            return;
        }

        for (var i = 0; i < list.Children.Count; i++)
        {
            var item = list.Children[i];
            var itemPath = $"{path}[{i}]";
            var text = context.Scalar(item, itemPath);
            if (text is null)
            {
                continue;
            }

            if (ThresholdExpression.TryParse(text, out var expression, out var error))
            {
                scope.Thresholds.Add(new ThresholdOptions(expression!, context.At(item, itemPath)));
            }
            else
            {
                context.Error(item, itemPath, error);
            }
        }
    }

    private static void ReadTiers(YamlReadContext context, YamlNode node, string path, ScopeOptions scope)
    {
        foreach (var (key, keyNode, value, tierPath) in context.Entries(node, path, null))
        {
            if (!MetricId.TryParse(key, out var metric, out var error))
            {
                context.Error(keyNode, tierPath, error);
                continue;
            }

            var tier = new TierOptions(metric, context.At(keyNode, tierPath));
            foreach (var (field, _, fieldValue, fieldPath) in context.Entries(value, tierPath, TierKeys))
            {
                ReadTierField(context, tier, field, fieldValue, fieldPath);
            }

            if (!scope.Tiers.TryAdd(metric.Name, tier))
            {
                context.Error(keyNode, tierPath, $"metric '{metric.Name}' has tiers twice in this scope");
            }
        }
    }

    private static void ReadTierField(YamlReadContext context, TierOptions tier, string field, YamlNode node, string path)
    {
        var text = context.Scalar(node, path);
        if (text is null)
        {
            return;
        }

        if (field == "higher_is_better")
        {
            if (tier.Metric.Kind != MetricKind.Custom)
            {
                context.Error(node, path, $"'higher_is_better' is only for custom metrics; '{tier.Metric.Name}' has a fixed direction");
            }
            else if (bool.TryParse(text, out var higher))
            {
                tier.HigherIsBetter = higher;
            }
            else
            {
                context.Error(node, path, $"'{text}' is not true or false");
            }

            return;
        }

        if (!QuantityParser.TryParse(text, tier.Metric, out var value, out var error))
        {
            context.Error(node, path, error);
            return;
        }

        var tierValue = new TierValue(value, context.At(node, path));
        _ = field switch
        {
            "target" => tier.Target = tierValue,
            "warn" => tier.Warn = tierValue,
            _ => tier.Fail = tierValue,
        };
    }
}
