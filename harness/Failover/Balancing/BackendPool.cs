using System.Collections.Concurrent;

namespace PerfTests.Failover.Balancing;

/// <summary>Round-robin choice over backends, skipping those marked down after a refused or reset connection.</summary>
internal sealed class BackendPool(IReadOnlyList<Uri> backends, TimeSpan ejectFor, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<Uri, DateTimeOffset> _ejectedUntil = new();
    private readonly ConcurrentDictionary<Uri, long> _answered = new();
    private long _next = -1;
    private long _ejections;

    internal IReadOnlyDictionary<Uri, long> Answered => _answered;

    internal long Ejections => Interlocked.Read(ref _ejections);

    /// <summary>The next backend not ejected; if all are ejected, the next one anyway (better a try than a certain 502).</summary>
    internal Uri Next()
    {
        var now = timeProvider.GetUtcNow();
        for (var i = 0; i < backends.Count; i++)
        {
            var candidate = backends[(int)(Interlocked.Increment(ref _next) % backends.Count)];
            if (!_ejectedUntil.TryGetValue(candidate, out var until) || until <= now)
            {
                return candidate;
            }
        }

        return backends[(int)(Interlocked.Increment(ref _next) % backends.Count)];
    }

    internal void Eject(Uri backend)
    {
        _ejectedUntil[backend] = timeProvider.GetUtcNow() + ejectFor;
        Interlocked.Increment(ref _ejections);
    }

    internal void CountAnswer(Uri backend) => _answered.AddOrUpdate(backend, 1, (_, n) => n + 1);
}
