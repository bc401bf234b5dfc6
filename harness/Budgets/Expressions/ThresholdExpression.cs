namespace PerfTests.Budgets;

/// <summary>A k6-style threshold such as <c>p(95) &lt; 500ms</c>, <c>rate &lt; 1%</c>, <c>rps &gt; 100</c>, <c>dropped == 0</c>.</summary>
/// <param name="Metric">The metric on the left.</param>
/// <param name="Limit">The operator and the limit in the metric's base unit.</param>
public sealed record ThresholdExpression(MetricId Metric, Limit Limit)
{
    // Longest first, so that "<=" is not read as "<" followed by "=". "===" is k6's strict equality.
    private static readonly (string Text, Comparison Op)[] Operators =
    [
        ("===", Comparison.Equal), ("==", Comparison.Equal), ("!=", Comparison.NotEqual),
        ("<=", Comparison.LessOrEqual), (">=", Comparison.GreaterOrEqual), ("<", Comparison.Less), (">", Comparison.Greater),
    ];

    private const string OperatorList = "<, <=, >, >=, ==, ===, !=";

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
            error = $"'{text.Trim()}' has no comparison operator (use {OperatorList})";
            return false;
        }

        var rest = text[at..];
        var op = Operators.FirstOrDefault(o => rest.StartsWith(o.Text, StringComparison.Ordinal));
        var valueText = op.Text is null ? "" : rest[op.Text.Length..].Trim();
        if (op.Text is null || valueText.StartsWith('<') || valueText.StartsWith('>') || valueText.StartsWith('=') || valueText.StartsWith('!'))
        {
            error = $"bad operator in '{text.Trim()}' (use {OperatorList})";
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

        if (metric.Kind == MetricKind.ErrorRate && op.Op is Comparison.Greater or Comparison.GreaterOrEqual)
        {
            // In k6, rate on a counter (http_reqs) is per second; here rate is always the share of failed requests.
            error = $"'{text.Trim()}' asks for at least some failed requests: 'rate' here is the share of failed requests " +
                "(k6's http_req_failed rate). For requests per second (k6's rate of a counter) write rps, e.g. 'rps >= 100'";
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
