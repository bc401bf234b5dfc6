using System.Diagnostics;

namespace PerfTests.Failover.Processes;

/// <summary>
/// Ties a child process's life to the test host's, whatever ends the host: Ctrl+C, SIGTERM, SIGKILL, a
/// blame-hang kill, an unhandled exception. The child starts under bash, which leaves a watcher behind
/// and then becomes the child (exec, same pid). The watcher reads the stdin pipe the host holds open;
/// when the host dies the kernel closes the pipe, the read ends, and the watcher kills the child. A host
/// exit hook cannot do this: SIGKILL runs no code.
/// </summary>
internal static class ParentWatch
{
    // $$ stays the pid of the child after exec. read -t 1 returns > 128 on timeout (keep waiting) and 1 at
    // end of file (the host is gone). The watcher stops by itself once the child has exited.
    internal const string Script = """
        exec 3<&0
        (
          while kill -0 $$ 2>/dev/null; do
            read -r -t 1 -u 3 _; rc=$?
            if [ "$rc" -eq 0 ] || [ "$rc" -gt 128 ]; then continue; fi
            kill -TERM $$ 2>/dev/null; sleep 2; kill -KILL $$ 2>/dev/null; exit 0
          done
        ) </dev/null >/dev/null 2>&1 &
        exec 3<&- </dev/null "$@"
        """;

    private const string Bash = "/bin/bash";

    /// <summary>Whether children can be tied to the host here (a POSIX system with bash).</summary>
    public static bool Available => !OperatingSystem.IsWindows() && File.Exists(Bash);

    /// <summary>
    /// Start info that runs <paramref name="fileName"/> with <paramref name="arguments"/> under the watcher,
    /// stdin redirected (the caller keeps the process, and so the pipe, alive). Without bash: as given.
    /// </summary>
    public static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(arguments);
        if (!Available)
        {
            var direct = new ProcessStartInfo(fileName) { UseShellExecute = false };
            foreach (var argument in arguments)
            {
                direct.ArgumentList.Add(argument);
            }

            return direct;
        }

        var info = new ProcessStartInfo(Bash) { UseShellExecute = false, RedirectStandardInput = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(Script);
        info.ArgumentList.Add("perftests-child"); // $0
        info.ArgumentList.Add(fileName);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }
}
