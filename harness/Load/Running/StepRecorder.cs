using System.Collections.Concurrent;
using PerfTests.Load.Histograms;
using PerfTests;

namespace PerfTests.Load.Running;

/// <summary>Lock-free recording for one step: latency stripes, ok/fail/bytes, status counts.</summary>
internal sealed class StepRecorder
{
    // HTTP-like codes get a flat array (no dictionary, no string) on the hot path.
    private const int MaxNumericStatus = 600;
    private readonly StripeCounters[] _counters;
    private readonly long[] _statusCodes = new long[MaxNumericStatus];
    private readonly ConcurrentDictionary<string, long> _namedStatuses = new(StringComparer.Ordinal);

    public StepRecorder(string name, int stripes)
    {
        Name = name;
        Latency = new StripedRecorder(stripes);
        FailedLatency = new StripedRecorder(stripes);
        _counters = new StripeCounters[stripes];
    }

    public string Name { get; }

    /// <summary>Latency of successful invocations.</summary>
    public StripedRecorder Latency { get; }

    /// <summary>Latency of failed invocations, kept apart.</summary>
    public StripedRecorder FailedLatency { get; }

    public void Record(int workerId, long latencyUs, in StepResult result)
    {
        (result.IsOk ? Latency : FailedLatency).Record(workerId, latencyUs);
        ref var c = ref _counters[(uint)workerId % (uint)_counters.Length];
        Interlocked.Increment(ref result.IsOk ? ref c.Ok : ref c.Fail);
        if (result.Bytes != 0)
        {
            Interlocked.Add(ref c.Bytes, result.Bytes);
        }

        if (result.Status is null && (uint)result.StatusCode < MaxNumericStatus)
        {
            Interlocked.Increment(ref _statusCodes[result.StatusCode]);
        }
        else
        {
            _namedStatuses.AddOrUpdate(result.StatusKey, 1, static (_, n) => n + 1);
        }
    }

    public (long Ok, long Fail, long Bytes) ReadCounters()
    {
        long ok = 0, fail = 0, bytes = 0;
        for (var i = 0; i < _counters.Length; i++)
        {
            ok += Volatile.Read(ref _counters[i].Ok);
            fail += Volatile.Read(ref _counters[i].Fail);
            bytes += Volatile.Read(ref _counters[i].Bytes);
        }

        return (ok, fail, bytes);
    }

    public Dictionary<string, long> ReadStatusCodes()
    {
        var result = new Dictionary<string, long>(_namedStatuses, StringComparer.Ordinal);
        for (var code = 0; code < MaxNumericStatus; code++)
        {
            var n = Volatile.Read(ref _statusCodes[code]);
            if (n > 0)
            {
                result[code.ToString(System.Globalization.CultureInfo.InvariantCulture)] = n;
            }
        }

        return result;
    }
}
