using System.Globalization;

namespace PerfTests.Resources;

/// <summary>The fields of /proc/&lt;pid&gt;/stat the machine sampler needs (proc(5)).</summary>
/// <param name="Pid">Process id.</param>
/// <param name="ParentPid">Field 4.</param>
/// <param name="CpuTicks">utime + stime (fields 14, 15), in USER_HZ ticks.</param>
/// <param name="StartTicks">Field 22: start time in ticks since boot (tells a reused pid apart).</param>
internal sealed record ProcStat(int Pid, int ParentPid, long CpuTicks, long StartTicks)
{
    /// <summary>Parses one stat line, or null when it is missing or malformed (a process that just ended).</summary>
    public static ProcStat? Parse(int pid, string? line)
    {
        // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
        var close = line?.LastIndexOf(')') ?? -1;
        if (line is null || close < 0 || close + 2 >= line.Length)
        {
            return null;
        }

        var fields = line[(close + 2)..].Split(' ');
        // fields[0] is field 3 (state): field n is fields[n - 3].
        return fields.Length > 19
            && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent)
            && long.TryParse(fields[11], NumberStyles.None, CultureInfo.InvariantCulture, out var user)
            && long.TryParse(fields[12], NumberStyles.None, CultureInfo.InvariantCulture, out var system)
            && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            ? new ProcStat(pid, parent, user + system, start)
            : null;
    }
}
