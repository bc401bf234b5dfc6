using YamlDotNet.RepresentationModel;

namespace PerfTests.Budgets;

/// <summary>Reads one scenario or step: settings, k6-style <c>thresholds</c> and three-tier <c>tiers</c>.</summary>
internal static class ScopeYamlReader
{
    internal static readonly string[] ScenarioKeys = ["description", "on_insufficient_data", "min_samples", "thresholds", "tiers", "steps"];
    internal static readonly string[] StepKeys = ["description", "on_insufficient_data", "min_samples", "thresholds", "tiers"];
    internal static readonly string[] TierKeys = ["target", "warn", "fail", "higher_is_better", "optional"];
    internal static readonly string[] ThresholdKeys = ["threshold", "abort_on_fail", "delay_abort_eval", "optional"];

    public static ScopeOptions Read(YamlReadContext context, string name, YamlNode nameNode, YamlNode node, string path, bool allowSteps)
    {
        var scope = new ScopeOptions(name, context.At(nameNode, path));
        foreach (var (key, _, value, keyPath) in context.Entries(node, path, allowSteps ? ScenarioKeys : StepKeys))
        {
            switch (key)
            {
                case "description":
                    context.Text(value, keyPath);
                    break;
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
            var threshold = item is YamlMappingNode ? ReadThresholdMapping(context, item, itemPath) : ReadExpression(context, item, itemPath);
            if (threshold is not null)
            {
                scope.Thresholds.Add(threshold);
            }
        }
    }

    private static ThresholdOptions? ReadExpression(YamlReadContext context, YamlNode node, string path)
    {
        var text = context.Text(node, path);
        if (text is null)
        {
            return null;
        }

        if (ThresholdExpression.TryParse(text, out var expression, out var error))
        {
            return new ThresholdOptions(expression!, context.At(node, path));
        }

        context.Error(node, path, error);
        return null;
    }

    /// <summary>k6's object form: <c>{ threshold: "rate &lt; 50%", abort_on_fail: true, delay_abort_eval: 10s }</c>.</summary>
    private static ThresholdOptions? ReadThresholdMapping(YamlReadContext context, YamlNode node, string path)
    {
        ThresholdOptions? threshold = null;
        bool abort = false, optional = false;
        TimeSpan? delay = null;
        YamlNode? delayNode = null, optionalNode = null;
        foreach (var (key, _, value, keyPath) in context.Entries(node, path, ThresholdKeys))
        {
            switch (key)
            {
                case "threshold":
                    threshold = ReadExpression(context, value, keyPath);
                    break;
                case "abort_on_fail":
                    abort = context.Flag(value, keyPath) ?? false;
                    break;
                case "delay_abort_eval":
                    (delay, delayNode) = (context.Duration(value, keyPath), value);
                    break;
                default:
                    (optional, optionalNode) = (context.Flag(value, keyPath) ?? false, value);
                    break;
            }
        }

        if (threshold is null)
        {
            if (!((YamlMappingNode)node).Children.ContainsKey(new YamlScalarNode("threshold")))
            {
                context.Error(node, path, "a threshold written as a mapping needs 'threshold: <expression>'");
            }

            return null;
        }

        if (delayNode is not null && !abort)
        {
            context.Error(delayNode, path + ".delay_abort_eval", "'delay_abort_eval' only applies with 'abort_on_fail: true'");
        }

        if (optional && threshold.Expression.Metric.Kind != MetricKind.Custom)
        {
            context.Error(optionalNode!, path + ".optional", $"'optional' is only for custom metrics; '{threshold.Expression.Metric.Name}' is always measured");
        }

        return threshold with { Optional = optional, Abort = abort ? new AbortRule(delay ?? TimeSpan.Zero) : null };
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
        if (field is "optional" or "higher_is_better")
        {
            if (tier.Metric.Kind != MetricKind.Custom)
            {
                context.Error(node, path, field == "optional"
                    ? $"'optional' is only for custom metrics; '{tier.Metric.Name}' is always measured"
                    : $"'higher_is_better' is only for custom metrics; '{tier.Metric.Name}' has a fixed direction");
            }
            else if (context.Flag(node, path) is { } flag)
            {
                _ = field == "optional" ? tier.Optional = flag : tier.HigherIsBetter = flag;
            }

            return;
        }

        if (context.Quantity(node, path, tier.Metric) is not { } value)
        {
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
