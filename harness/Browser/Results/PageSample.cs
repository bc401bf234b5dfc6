namespace PerfTests.Browser;

/// <summary>One run of one page: metric values (see <see cref="VitalMetrics"/>) and what the page reported.</summary>
/// <param name="Values">Metric name to value; a metric the run could not measure is absent.</param>
/// <param name="LcpElement">The element of the final LCP candidate, e.g. <c>p#lead</c>.</param>
/// <param name="Errors">Observer types the browser did not support, page errors.</param>
public sealed record PageSample(IReadOnlyDictionary<string, double> Values, string LcpElement, IReadOnlyList<string> Errors);
