namespace PerfTests.Resources;

/// <summary>Reads a /proc (or /sys) file that may vanish at any moment, bounded in size.</summary>
internal static class ProcFile
{
    /// <summary>The file's text (at most <paramref name="maxChars"/> characters), or null when it cannot be read.</summary>
    public static string? Read(string path, int maxChars = 64 * 1024)
    {
        try
        {
            using var reader = new StreamReader(path);
            var buffer = new char[maxChars];
            var read = reader.ReadBlock(buffer, 0, buffer.Length);
            return new string(buffer, 0, read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
