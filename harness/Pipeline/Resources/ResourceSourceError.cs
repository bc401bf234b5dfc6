namespace PerfTests.Resources;

/// <summary>A source that failed: it is recorded once and not polled again for the rest of the run.</summary>
/// <param name="Source">The source's name.</param>
/// <param name="Offset">Time since the sampler started when it failed.</param>
/// <param name="Message">Exception type and message.</param>
public sealed record ResourceSourceError(string Source, TimeSpan Offset, string Message);
