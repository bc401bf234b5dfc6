using System.Text.Json;
using PerfTests.Failover.Measurement;

namespace PerfTests.Suites.Failover;

/// <summary>Polls the portal's GET /metrics cache counters every <c>interval</c> until stopped.</summary>
internal sealed class CacheCounterPoller(HttpClient http, Uri baseAddress, TimeProvider timeProvider)
{
    private readonly List<CacheCounterSample> _samples = [];

    public IReadOnlyList<CacheCounterSample> Samples => _samples;

    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, timeProvider);
        try
        {
            do
            {
                _samples.Add(await ReadAsync(cancellationToken).ConfigureAwait(false));
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by the drill: the samples so far are the result.
        }
    }

    private async Task<CacheCounterSample> ReadAsync(CancellationToken cancellationToken)
    {
        await using var body = await http.GetStreamAsync(new Uri(baseAddress, "/metrics"), cancellationToken).ConfigureAwait(false);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        var cache = json.RootElement.GetProperty("cache");
        var hits = cache.GetProperty("hits").GetInt64();
        var lookups = hits + cache.GetProperty("misses").GetInt64() + cache.GetProperty("errors").GetInt64();
        return new CacheCounterSample(timeProvider.GetUtcNow(), hits, lookups);
    }
}
