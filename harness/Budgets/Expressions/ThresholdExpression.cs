namespace PerfTests.Budgets;

/// <summary>A k6-style threshold such as <c>p(95) &lt; 500ms</c>, <c>rate &lt; 1%</c>, <c>rps &gt; 100</c>, <c>dropped == 0</c>.</summary>
/// <param name="Metric">The metric on the left.</param>
/// <param name="Limit">The operator and the limit in the metric's base unit.</param>
public sealed record ThresholdExpression(MetricId Metric, Limit Limit)
{
    private static readonly (string Text, Comparison Op)[] Operators =
    [
        ("<=", Comparison.LessOrEqual), (">=", Comparison.GreaterOrEqual), ("==", Comparison.Equal),
        ("<", Comparison.Less), (">", Comparison.Greater),
    ];

    /// <inheritdoc />
    public override string ToString() => $"{Metric.Name} {Limit.Format(Metric)}";

    /// <summary>Parses one expression.</summary>
    /// <returns>False with one readable reason when the text is not a valid threshold.</returns>
    public static bool TryParse(string text, out ThresholdExpression? expression, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        expression = null;
        var at = text.IndexOfAny(['<', '>', '=', '!']);
        if (at < 0)
        {
            error = $"'{text.Trim()}' has no comparison operator (use <, <=, >, >=, ==)";
            return false;
        }

        var rest = text[at..];
        var op = Operators.FirstOrDefault(o => rest.StartsWith(o.Text, StringComparison.Ordinal));
        if (op.Text is null || rest.StartsWith('!') || rest.StartsWith("=>", StringComparison.Ordinal)
            || rest.StartsWith("=<", StringComparison.Ordinal) || (rest.StartsWith('=') && !rest.StartsWith("==", StringComparison.Ordinal)))
        {
            error = $"bad operator in '{text.Trim()}' (use <, <=, >, >=, ==)";
            return false;
        }

        var valueText = rest[op.Text.Length..].Trim();
        if (valueText.StartsWith('<') || valueText.StartsWith('>') || valueText.StartsWith('='))
        {
            error = $"bad operator in '{text.Trim()}' (use <, <=, >, >=, ==)";
            return false;
        }

        var metricText = text[..at].Trim();
        if (metricText.Length == 0)
        {
            error = $"'{text.Trim()}' has no metric before the operator";
            return false;
        }

        if (!MetricId.TryParse(metricText, out var metric, out error))
        {
            return false;
        }

        if (valueText.Length == 0)
        {
            error = $"'{text.Trim()}' has no value after '{op.Text}'";
            return false;
        }

        if (!QuantityParser.TryParse(valueText, metric, out var value, out error))
        {
            return false;
        }

        expression = new ThresholdExpression(metric, new Limit(op.Op, value));
        return true;
    }
}
