namespace PerfTests.Resources;

/// <summary>
/// One thing the sampler polls: a process, a database, a cache, an app's metrics endpoint.
/// </summary>
public interface IResourceSource
{
    /// <summary>Prefix of every metric this source reports (<c>pg</c> gives <c>pg.connections_active</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Reads the current values, keyed by metric name without the prefix. Rates and ratios over
    /// the last interval are computed by the source (it remembers its previous counters); a key
    /// missing from one sample simply has no point at that time.
    /// </summary>
    ValueTask<IReadOnlyDictionary<string, double>> SampleAsync(CancellationToken cancellationToken);
}
