using System.Collections.Concurrent;
using System.Diagnostics;

namespace PerfTests.Failover.Processes;

/// <summary>
/// Last line of defence against orphans: child processes still tracked when the test process exits
/// (a test aborted before its dispose ran) are killed with it. Normal clean-up is AppProcess.DisposeAsync.
/// </summary>
internal static class OrphanGuard
{
    private static readonly ConcurrentDictionary<Process, byte> Running = new();

    static OrphanGuard() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    public static void Track(Process process) => Running.TryAdd(process, 0);

    public static void Forget(Process process) => Running.TryRemove(process, out _);

    private static void KillAll()
    {
        foreach (var process in Running.Keys)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
        }
    }
}
