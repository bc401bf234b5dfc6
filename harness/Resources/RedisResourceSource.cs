using System.Globalization;
using PerfTests.Resources;
using StackExchange.Redis;

namespace PerfTests.Resources;

/// <summary>
/// Redis from its INFO command: memory, clients, throughput and keyspace hit ratio.
/// </summary>
/// <remarks>
/// Metrics (prefix <see cref="Name"/>, default <c>redis</c>): <c>used_memory_mb</c>,
/// <c>connected_clients</c> (the sampler's own connection included), <c>ops_per_s</c>
/// (Redis' instantaneous_ops_per_sec), <c>hit_ratio</c> (keyspace hits over hits + misses in the
/// interval, 0..1; no point without lookups).
/// </remarks>
public sealed class RedisResourceSource : IResourceSource, IAsyncDisposable
{
    private readonly string _configuration;
    private readonly CounterDelta _counters = new();
    private ConnectionMultiplexer? _connection;

    /// <summary>Samples the Redis server at <paramref name="configuration"/> (StackExchange.Redis syntax, e.g. <c>127.0.0.1:6379</c>).</summary>
    public RedisResourceSource(string configuration, string name = "redis")
    {
        _configuration = configuration;
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyDictionary<string, double>> SampleAsync(CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            var options = ConfigurationOptions.Parse(_configuration);
            options.AllowAdmin = true; // INFO is an admin command for StackExchange.Redis
            options.ClientName = "perftests-sampler";
            _connection = await ConnectionMultiplexer.ConnectAsync(options).WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var server = _connection.GetServers()[0];
        var info = (await server.InfoAsync().WaitAsync(cancellationToken).ConfigureAwait(false))
            .SelectMany(group => group)
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        return Parse(info, _counters);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Turns INFO fields into metrics; separate so it is testable without a server.</summary>
    internal static Dictionary<string, double> Parse(IReadOnlyDictionary<string, string> info, CounterDelta counters)
    {
        double? Field(string key) =>
            info.TryGetValue(key, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        if (Field("used_memory") is { } memory)
        {
            values["used_memory_mb"] = memory / (1024 * 1024);
        }

        if (Field("connected_clients") is { } clients)
        {
            values["connected_clients"] = clients;
        }

        if (Field("instantaneous_ops_per_sec") is { } ops)
        {
            values["ops_per_s"] = ops;
        }

        var hits = Field("keyspace_hits") is { } h ? counters.Next("hits", h) : null;
        var misses = Field("keyspace_misses") is { } m ? counters.Next("misses", m) : null;
        values["hit_ratio"] = CounterDelta.Ratio(hits, misses);
        return values;
    }
}
