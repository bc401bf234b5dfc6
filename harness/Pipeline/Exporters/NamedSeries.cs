namespace PerfTests.Exporters;

/// <summary>
/// A sampled resource metric for the resource timeline charts, in a neutral shape so reporting
/// does not depend on the sampler (map <c>ResourceReport.Series</c> to it).
/// </summary>
/// <param name="Name">The metric, <c>source.metric</c> (e.g. <c>pg.connections_active</c>); its unit follows from the name (see <c>ResourceChartGroups</c>).</param>
/// <param name="Points">Values by time since sampling began; a missing interval is a gap, never a 0.</param>
internal sealed record NamedSeries(string Name, IReadOnlyList<(TimeSpan At, double Value)> Points);
