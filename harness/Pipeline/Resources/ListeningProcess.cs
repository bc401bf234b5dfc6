using System.Globalization;

namespace PerfTests.Resources;

/// <summary>
/// Finds the process listening on a local TCP port (/proc/net/tcp and tcp6, then the socket among the
/// processes' descriptors), so an external system under test on this machine is not counted as a neighbour.
/// </summary>
internal static class ListeningProcess
{
    private const string Listen = "0A";

    /// <summary>The pid of the process holding the listening socket on <paramref name="port"/>, or null.</summary>
    public static int? Find(int port, string procRoot = "/proc")
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in new[] { "tcp", "tcp6" })
        {
            var text = ProcFile.Read(Path.Combine(procRoot, "net", table), 4 * 1024 * 1024);
            foreach (var line in text?.Split('\n').Skip(1) ?? [])
            {
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[3] == Listen && fields[1].Split(':') is [_, var hexPort]
                    && int.TryParse(hexPort, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var local) && local == port)
                {
                    inodes.Add($"socket:[{fields[9]}]");
                }
            }
        }

        return inodes.Count == 0 ? null : Holder(inodes, procRoot);
    }

    private static int? Holder(HashSet<string> sockets, string procRoot)
    {
        foreach (var directory in Directory.EnumerateDirectories(procRoot))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                foreach (var fd in Directory.EnumerateFileSystemEntries(Path.Combine(directory, "fd")))
                {
                    if (new FileInfo(fd).LinkTarget is { } link && sockets.Contains(link))
                    {
                        return pid;
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or not readable.
            }
        }

        return null;
    }
}
