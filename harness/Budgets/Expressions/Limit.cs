namespace PerfTests.Budgets;

/// <summary>One limit: the actual value must satisfy <c>actual Op Value</c>.</summary>
/// <param name="Op">The comparison that must hold.</param>
/// <param name="Value">The limit in the metric's base unit (ms, fraction, per second, count).</param>
public sealed record Limit(Comparison Op, double Value)
{
    /// <summary>The operator as written: <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>, <c>==</c>.</summary>
    public string Symbol => Op switch
    {
        Comparison.Less => "<",
        Comparison.LessOrEqual => "<=",
        Comparison.Greater => ">",
        Comparison.GreaterOrEqual => ">=",
        Comparison.NotEqual => "!=",
        _ => "==",
    };

    /// <summary>Whether <paramref name="actual"/> is within this limit (NaN never is).</summary>
    public bool Holds(double actual) => !double.IsNaN(actual) && Op switch
    {
        Comparison.Less => actual < Value,
        Comparison.LessOrEqual => actual <= Value,
        Comparison.Greater => actual > Value,
        Comparison.GreaterOrEqual => actual >= Value,
        Comparison.NotEqual => actual != Value,
        _ => actual == Value,
    };

    /// <summary>The limit as text in the metric's unit, e.g. <c>&lt;= 150 ms</c>.</summary>
    public string Format(MetricId metric) => $"{Symbol} {ValueFormatter.Format(metric, Value)}";
}
