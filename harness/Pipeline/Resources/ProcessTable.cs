using System.Globalization;

namespace PerfTests.Resources;

/// <summary>
/// The processes of this run in /proc: the test process, everything it started (its descendants), and
/// every process that carries this run's owner in PERFTESTS_OWNER (containers started for the run, whose
/// processes are children of the container runtime, not of the test process), with their descendants.
/// Reads /proc/&lt;pid&gt;/stat of every process each sample and each new process's environment once.
/// </summary>
internal sealed class ProcessTable(string procRoot, int ownPid, string ownerVariable)
{
    private const string Prefix = RunOwner.Variable + "=";

    // Keyed by pid and start time: a pid reused by another process is another process.
    private readonly Dictionary<(int Pid, long Start), bool> _carriesOwner = [];
    private Dictionary<(int Pid, long Start), long> _lastTicks = [];

    /// <summary>Further processes of the run (an external system under test found on its port), with their descendants.</summary>
    public HashSet<int> ExtraRoots { get; } = [];

    /// <summary>
    /// CPU ticks (USER_HZ) the run's processes used since the last call; processes first seen now count
    /// from their start. The first call only sets the baseline (returns null).
    /// </summary>
    public long? OwnTicksSinceLast()
    {
        var processes = Read();
        var children = processes.Values.ToLookup(p => p.ParentPid);
        var own = new HashSet<int>();
        var stack = new Stack<int>(processes.Values.Where(IsRoot).Select(p => p.Pid));
        while (stack.Count > 0)
        {
            var pid = stack.Pop();
            if (own.Add(pid))
            {
                foreach (var child in children[pid])
                {
                    stack.Push(child.Pid);
                }
            }
        }

        var first = _lastTicks.Count == 0;
        var now = new Dictionary<(int, long), long>();
        long used = 0;
        foreach (var pid in own)
        {
            var p = processes[pid];
            now[(p.Pid, p.StartTicks)] = p.CpuTicks;
            used += p.CpuTicks - _lastTicks.GetValueOrDefault((p.Pid, p.StartTicks));
        }

        _lastTicks = now;
        // Forget what ended: a bounded cache on a machine that starts thousands of processes (a build).
        foreach (var key in _carriesOwner.Keys.Where(k => !processes.TryGetValue(k.Pid, out var p) || p.StartTicks != k.Start).ToList())
        {
            _carriesOwner.Remove(key);
        }

        return first ? null : Math.Max(0, used);
    }

    private bool IsRoot(ProcStat p) =>
        p.Pid == ownPid || ExtraRoots.Contains(p.Pid) || CarriesOwner(p);

    private bool CarriesOwner(ProcStat p)
    {
        if (!_carriesOwner.TryGetValue((p.Pid, p.StartTicks), out var carries))
        {
            carries = ReadOwner(p.Pid) == ownerVariable;
            _carriesOwner[(p.Pid, p.StartTicks)] = carries;
        }

        return carries;
    }

    private string? ReadOwner(int pid)
    {
        var environment = ProcFile.Read(Path.Combine(procRoot, pid.ToString(CultureInfo.InvariantCulture), "environ"), 256 * 1024);
        var entry = environment?.Split('\0').FirstOrDefault(v => v.StartsWith(Prefix, StringComparison.Ordinal));
        return entry?[Prefix.Length..];
    }

    private Dictionary<int, ProcStat> Read()
    {
        var processes = new Dictionary<int, ProcStat>();
        IEnumerable<string> directories;
        try
        {
            directories = Directory.EnumerateDirectories(procRoot);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return processes;
        }

        foreach (var directory in directories)
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && ProcStat.Parse(pid, ProcFile.Read(Path.Combine(directory, "stat"), 4096)) is { } stat)
            {
                processes[pid] = stat;
            }
        }

        return processes;
    }
}
