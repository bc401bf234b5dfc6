using System.Diagnostics;
using System.Globalization;
using PerfTests.Containers.Runtime;
using PerfTests.Resources;

namespace PerfTests.Failover.Processes;

/// <summary>
/// The process half of the start-up sweep: application processes carry their owner in
/// PERFTESTS_OWNER; one whose owner is gone (its watcher was killed with it, say) is killed before the
/// first drill of a new run starts. A live session's processes are never touched. Linux only (/proc).
/// </summary>
internal static class ProcessSweeper
{
    private static int _swept;

    /// <summary>Once per process; returns how many orphans were killed.</summary>
    public static int KillOrphansOnce()
    {
        if (Interlocked.Exchange(ref _swept, 1) == 1 || !Directory.Exists("/proc"))
        {
            return 0;
        }

        return KillOrphans();
    }

    internal static int KillOrphans()
    {
        var killed = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == System.Environment.ProcessId
                || Owner(pid) is not { } owner || !RunOwner.IsGone(owner))
            {
                continue;
            }

            try
            {
                using var orphan = Process.GetProcessById(pid);
                orphan.Kill(entireProcessTree: true);
                killed++;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Gone meanwhile, or not ours to kill.
            }
        }

        return killed;
    }

    private static Dictionary<string, string>? Owner(int pid)
    {
        string environment;
        try
        {
            environment = File.ReadAllText($"/proc/{pid}/environ");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var prefix = RunOwner.Variable + "=";
        var entry = environment.Split('\0').FirstOrDefault(v => v.StartsWith(prefix, StringComparison.Ordinal));
        return entry is null ? null : RunOwner.FromVariable(entry[prefix.Length..]);
    }
}
