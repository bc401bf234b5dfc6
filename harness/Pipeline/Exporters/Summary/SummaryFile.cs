using System.Text;

namespace PerfTests.Exporters.Summary;

/// <summary>
/// Appends sections to the markdown summary file (e.g. $GITHUB_STEP_SUMMARY). Each section is one
/// write under an exclusive lock (FileShare.None is an flock on Unix), so tests running in parallel,
/// in one process or several, never interleave their lines.
/// </summary>
internal static class SummaryFile
{
    /// <summary>The environment variable naming the file; unset means no summary is written.</summary>
    public const string Variable = "PERF_SUMMARY_FILE";

    private const int Attempts = 50;

    public static void Append(string path, string markdown)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var bytes = Encoding.UTF8.GetBytes(Secrets.Scrub(markdown));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None);
                file.Write(bytes);
                return;
            }
            catch (IOException) when (attempt < Attempts && File.Exists(path))
            {
                // Another writer holds the lock: its section is short, so a brief wait is enough.
                Thread.Sleep(20 * Math.Min(attempt, 5));
            }
        }
    }
}
