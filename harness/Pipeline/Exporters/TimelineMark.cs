namespace PerfTests.Exporters;

/// <summary>
/// A window (or instant) to shade on the timeline charts: a fault injection, a failover phase, a spike.
/// Offsets count from the start of the measured part of the run (warm-up excluded), the same origin
/// as <see cref="Load.Results.TimelinePoint.Second"/>.
/// </summary>
/// <param name="From">Start of the window, from the start of measurement.</param>
/// <param name="To">End of the window; null when it lasted until the end of the run.</param>
/// <param name="Label">Short text drawn at the top of the window, e.g. "downstream 500s".</param>
public sealed record TimelineMark(TimeSpan From, TimeSpan? To, string Label);
