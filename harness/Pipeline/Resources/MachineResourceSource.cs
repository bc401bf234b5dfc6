using System.Globalization;

namespace PerfTests.Resources;

/// <summary>
/// The whole machine, sampled with every run (source <c>machine</c>), so a result can say when the
/// environment, not the code, made it slow: CPU of all cores from /proc/stat, the part of it used by
/// processes that are not this run's ("foreign CPU": a neighbour's build on a shared runner), the load
/// average, and pressure stall information (/proc/pressure) where the kernel has it. Linux only; on
/// another system it reports nothing.
/// </summary>
/// <remarks>
/// Metrics, each over the last interval: <c>cpu</c> (busy fraction of all cores: user, nice, system,
/// irq, softirq), <c>cpu_user</c>, <c>cpu_system</c>, <c>cpu_iowait</c>, <c>cpu_steal</c> (taken by the
/// hypervisor), <c>foreign_cpu</c> (busy fraction of all cores used by processes other than the test
/// process, its descendants and the processes carrying its owner: its containers and app instances),
/// <c>load1</c> (1-minute load average per core), and <c>psi_cpu_some</c>, <c>psi_io_some</c>,
/// <c>psi_memory_some</c> (fraction of the interval in which some task waited for CPU, I/O or memory).
/// </remarks>
internal sealed class MachineResourceSource : IResourceSource
{
    /// <summary>The source's name, the prefix of its metrics (<c>machine.foreign_cpu</c>).</summary>
    public const string SourceName = "machine";

    private static readonly string[] Pressures = ["cpu", "io", "memory"];
    private readonly string _procRoot;
    private readonly TimeProvider _time;
    private readonly ProcessTable _processes;
    private readonly Dictionary<string, long> _lastStallUs = new(StringComparer.Ordinal);
    private long[]? _lastCpu;
    private long _lastTimestamp;

    internal MachineResourceSource(string procRoot, int ownPid, string ownerVariable, TimeProvider? timeProvider)
    {
        _procRoot = procRoot;
        _time = timeProvider ?? TimeProvider.System;
        _processes = new ProcessTable(procRoot, ownPid, ownerVariable);
    }

    /// <inheritdoc />
    public string Name => SourceName;

    /// <summary>The machine this test process runs on; its own processes and containers are not foreign.</summary>
    public static MachineResourceSource ForThisMachine(TimeProvider? timeProvider = null) =>
        new("/proc", System.Environment.ProcessId, RunOwner.AsVariable(), timeProvider);

    /// <summary>
    /// Counts <paramref name="processId"/> and its descendants as the run's own (an external system under
    /// test on this machine), not as foreign CPU.
    /// </summary>
    public void AddOwnProcess(int processId) => _processes.ExtraRoots.Add(processId);

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, double>> SampleAsync(CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var now = _time.GetTimestamp();
        var wallUs = _time.GetElapsedTime(_lastTimestamp, now).TotalMicroseconds;
        var first = _lastCpu is null;
        var cpu = ReadCpu();
        var ownTicks = _processes.OwnTicksSinceLast();
        if (cpu is not null && _lastCpu is not null && ownTicks is { } own)
        {
            AddCpu(values, cpu, _lastCpu, own);
        }

        foreach (var resource in Pressures)
        {
            if (ReadStallUs(resource) is not { } stall)
            {
                continue;
            }

            if (!first && _lastStallUs.TryGetValue(resource, out var last) && wallUs > 0)
            {
                values[$"psi_{resource}_some"] = Math.Clamp((stall - last) / wallUs, 0, 1);
            }

            _lastStallUs[resource] = stall;
        }

        if (ReadLoad1() is { } load)
        {
            values["load1"] = load / System.Environment.ProcessorCount;
        }

        _lastCpu = cpu ?? _lastCpu;
        _lastTimestamp = now;
        return ValueTask.FromResult<IReadOnlyDictionary<string, double>>(values);
    }

    // /proc/stat's first line: user nice system idle iowait irq softirq steal (guest time is within user).
    private static void AddCpu(Dictionary<string, double> values, long[] now, long[] last, long ownTicks)
    {
        var d = new long[8];
        for (var i = 0; i < d.Length; i++)
        {
            d[i] = Math.Max(0, now[i] - last[i]);
        }

        double total = d.Sum();
        if (total <= 0)
        {
            return;
        }

        var busy = d[0] + d[1] + d[2] + d[5] + d[6];
        values["cpu"] = busy / total;
        values["cpu_user"] = (d[0] + d[1]) / total;
        values["cpu_system"] = (d[2] + d[5] + d[6]) / total;
        values["cpu_iowait"] = d[4] / total;
        values["cpu_steal"] = d[7] / total;
        // The two clocks are read a moment apart: clamp what is left to the busy share.
        values["foreign_cpu"] = Math.Clamp(busy - ownTicks, 0, busy) / total;
    }

    private long[]? ReadCpu()
    {
        var text = ProcFile.Read(Path.Combine(_procRoot, "stat"), 4096);
        var line = text?.Split('\n').FirstOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal));
        var fields = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).ToArray();
        if (fields is null || fields.Length < 8)
        {
            return null;
        }

        var ticks = new long[8];
        for (var i = 0; i < 8; i++)
        {
            if (!long.TryParse(fields[i], NumberStyles.None, CultureInfo.InvariantCulture, out ticks[i]))
            {
                return null;
            }
        }

        return ticks;
    }

    // "some avg10=0.00 avg60=0.00 avg300=0.00 total=12345" (µs stalled since boot).
    private long? ReadStallUs(string resource)
    {
        var text = ProcFile.Read(Path.Combine(_procRoot, "pressure", resource), 1024);
        var some = text?.Split('\n').FirstOrDefault(l => l.StartsWith("some ", StringComparison.Ordinal));
        var total = some?.Split(' ').FirstOrDefault(f => f.StartsWith("total=", StringComparison.Ordinal));
        return total is not null && long.TryParse(total.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var us) ? us : null;
    }

    private double? ReadLoad1()
    {
        var text = ProcFile.Read(Path.Combine(_procRoot, "loadavg"), 256);
        var first = text?.Split(' ')[0];
        return first is not null && double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
    }
}
