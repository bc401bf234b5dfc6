using System.Globalization;

namespace PerfTests.Resources;

/// <summary>
/// Who started a container or a process: labels naming this machine, its boot and this process (pid and start time,
/// so a reused pid is not mistaken for the owner). A start-up sweep removes the containers whose owner
/// is gone (a host killed by SIGKILL runs no teardown) and never those of a live process.
/// </summary>
internal static class RunOwner
{
    internal const string HostLabel = "perftests.owner.host";
    internal const string BootLabel = "perftests.owner.boot";
    internal const string PidLabel = "perftests.owner.pid";
    internal const string StartLabel = "perftests.owner.start";

    /// <summary>This process's labels.</summary>
    public static IReadOnlyDictionary<string, string> Labels { get; } = Create();

    /// <summary>The environment variable a child process carries its owner in (the labels, as <c>key=value;...</c>).</summary>
    internal const string Variable = "PERFTESTS_OWNER";

    /// <summary>The labels as the value of <see cref="Variable"/>.</summary>
    public static string AsVariable() => string.Join(";", Labels.Select(l => $"{l.Key}={l.Value}"));

    /// <summary>Labels read back from a value of <see cref="Variable"/>.</summary>
    public static Dictionary<string, string> FromVariable(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);

    /// <summary>
    /// True only when the labels prove the owner gone: same machine and a new boot, or the same boot and
    /// no process with that pid and start time. Anything unclear (another machine, no labels, no /proc) is not gone.
    /// </summary>
    public static bool IsGone(IDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (!labels.TryGetValue(HostLabel, out var host) || host != System.Environment.MachineName
            || !labels.TryGetValue(BootLabel, out var boot) || BootId() is not { } currentBoot
            || !labels.TryGetValue(PidLabel, out var pidText) || !int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !labels.TryGetValue(StartLabel, out var start))
        {
            return false;
        }

        return boot != currentBoot || StartTime(pid) != start;
    }

    /// <summary>No process with that pid runs any more (a zombie has ended too).</summary>
    internal static bool HasExited(int pid) => StartTime(pid) is null;

    private static Dictionary<string, string> Create()
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { [HostLabel] = System.Environment.MachineName };
        if (BootId() is { } boot && StartTime(System.Environment.ProcessId) is { } start)
        {
            labels[BootLabel] = boot;
            labels[PidLabel] = System.Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
            labels[StartLabel] = start;
        }

        return labels;
    }

    private static string? BootId() => Read("/proc/sys/kernel/random/boot_id")?.Trim();

    /// <summary>Field 22 of /proc/pid/stat (start time in clock ticks since boot), or null when there is no such process.</summary>
    internal static string? StartTime(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        if (stat is null)
        {
            return null;
        }

        // The command name (field 2) may hold spaces and parentheses: count from the last ')'. A zombie
        // (state Z, or X) has ended: only its exit status waits to be collected.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > 19 && fields[0] is not ("Z" or "X") ? fields[19] : null;
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
