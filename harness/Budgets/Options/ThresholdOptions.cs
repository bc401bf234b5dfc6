namespace PerfTests.Budgets;

/// <summary>A k6-style threshold expression as written in a <c>thresholds:</c> list: a fail limit.</summary>
internal sealed record ThresholdOptions(ThresholdExpression Expression, SourceLocation Location, bool Optional = false, AbortRule? Abort = null);
