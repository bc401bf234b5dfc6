using System.Diagnostics;
using PerfTests.Resources;

namespace PerfTests.Resources;

/// <summary>
/// CPU and memory of one process. For the current process (<see cref="ForTestProcess"/>) also the
/// runtime's own numbers: GC heap, GC pause time, thread-pool queue. When the system under test runs
/// in-process (Kestrel inside the test host) this is the <b>whole test process</b>, load generator
/// included: it is named <c>test_process</c> so nobody mistakes it for the system alone.
/// </summary>
/// <remarks>
/// Metrics: <c>cpu</c> (fraction of all cores over the last interval, 0..1), <c>working_set_mb</c>;
/// current process only: <c>gc_heap_mb</c>, <c>gc_pause_ms</c> (pause time within the last interval),
/// <c>threadpool_queue</c> (pending work items), <c>threadpool_threads</c>.
/// </remarks>
public sealed class ProcessResourceSource : IResourceSource, IDisposable
{
    private const double BytesPerMb = 1024 * 1024;
    private static readonly TimeSpan MinimumCpuInterval = TimeSpan.FromMilliseconds(200);
    private readonly Process _process;
    private readonly bool _isCurrent;
    private readonly TimeProvider _time;
    private long _lastTimestamp;
    private TimeSpan _lastCpu;
    private TimeSpan _lastPause;

    private ProcessResourceSource(string name, Process process, bool isCurrent, TimeProvider? timeProvider)
    {
        Name = name;
        _process = process;
        _isCurrent = isCurrent;
        _time = timeProvider ?? TimeProvider.System;
        _lastTimestamp = _time.GetTimestamp();
        _lastCpu = process.TotalProcessorTime;
        _lastPause = GC.GetTotalPauseDuration();
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The test process itself (system under test and load generator when hosted in-process).</summary>
    public static ProcessResourceSource ForTestProcess(TimeProvider? timeProvider = null) =>
        new("test_process", Process.GetCurrentProcess(), true, timeProvider);

    /// <summary>An external system under test by process id (only CPU and working set are visible from outside).</summary>
    public static ProcessResourceSource ForProcessId(int processId, string name = "sut_process", TimeProvider? timeProvider = null) =>
        new(name, Process.GetProcessById(processId), false, timeProvider);

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, double>> SampleAsync(CancellationToken cancellationToken)
    {
        _process.Refresh();
        var now = _time.GetTimestamp();
        var wall = _time.GetElapsedTime(_lastTimestamp, now);
        var cpu = _process.TotalProcessorTime;
        var values = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["working_set_mb"] = _process.WorkingSet64 / BytesPerMb,
        };
        // The processor-time clock ticks in ~10 ms steps: over a shorter interval (the sampler's first round
        // comes right after the source is made) one tick would read as several cores busy.
        if (wall >= MinimumCpuInterval)
        {
            values["cpu"] = (cpu - _lastCpu).TotalSeconds / (wall.TotalSeconds * System.Environment.ProcessorCount);
        }

        if (_isCurrent)
        {
            var pause = GC.GetTotalPauseDuration();
            // GetTotalMemory, not GCMemoryInfo: the latter is 0 until the first collection.
            values["gc_heap_mb"] = GC.GetTotalMemory(forceFullCollection: false) / BytesPerMb;
            values["gc_pause_ms"] = (pause - _lastPause).TotalMilliseconds;
            values["threadpool_queue"] = ThreadPool.PendingWorkItemCount;
            values["threadpool_threads"] = ThreadPool.ThreadCount;
            _lastPause = pause;
        }

        if (wall >= MinimumCpuInterval)
        {
            _lastTimestamp = now;
            _lastCpu = cpu;
        }
        return ValueTask.FromResult<IReadOnlyDictionary<string, double>>(values);
    }

    /// <inheritdoc />
    public void Dispose() => _process.Dispose();
}
