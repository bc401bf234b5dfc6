using System.Globalization;
using System.Text;
using System.Text.Json;
using PerfTests.Reporting.Environment;
using PerfTests.Reporting.Model;

namespace PerfTests.Reporting.Writing;

/// <summary>
/// Writes the allure-results folder. Every method catches its own failures, logs them and returns
/// false/null: a broken exporter must never fail a test or stop the other files (house style 5).
/// </summary>
internal sealed class AllureResultsWriter
{
    private readonly Action<string> _log;

    public AllureResultsWriter(string resultsDirectory, Action<string>? log = null)
    {
        ResultsDirectory = resultsDirectory;
        _log = log ?? (message => Console.Error.WriteLine(message));
    }

    /// <summary>The folder written to; created on the first write.</summary>
    public string ResultsDirectory { get; }

    public bool WriteResult(TestResult result) =>
        WriteJson($"{result.Uuid}-result.json", result);

    public bool WriteContainer(TestResultContainer container) =>
        WriteJson($"{container.Uuid}-container.json", container);

    /// <summary>Writes <c>{uuid}-perf.json</c> (Allure 3 Metrics page); nothing when the list is empty.</summary>
    public bool WritePerfMetrics(string uuid, IReadOnlyList<PerfMetric> metrics) =>
        metrics.Count == 0 || WriteJson($"{uuid}-perf.json", metrics);

    public bool WriteCategories(IReadOnlyList<Category> categories) =>
        WriteJson("categories.json", categories);

    public bool WriteExecutor(ExecutorInfo executor) =>
        WriteJson("executor.json", executor);

    /// <summary>Writes <c>environment.properties</c> (Java properties syntax, escaped).</summary>
    public bool WriteEnvironment(IEnumerable<KeyValuePair<string, string>> properties)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in properties)
        {
            text.Append(EscapeProperty(key, isKey: true)).Append('=').Append(EscapeProperty(value, isKey: false)).Append('\n');
        }

        return WriteFile("environment.properties", Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>
    /// Writes <c>{uuid}-attachment.{extension}</c> and returns the link to put on a result or step,
    /// or null when writing failed.
    /// </summary>
    public Attachment? WriteAttachment(string name, ReadOnlySpan<byte> content, string mimeType, string extension)
    {
        var source = $"{Guid.NewGuid():N}-attachment.{extension.TrimStart('.')}";
        return WriteFile(source, content) ? new Attachment(name, source, mimeType) : null;
    }

    private bool WriteJson<T>(string fileName, T value)
    {
        byte[] bytes;
        try
        {
            bytes = JsonSerializer.SerializeToUtf8Bytes(value, AllureJson.Options);
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException)
        {
            _log($"allure: could not serialize {fileName}: {ex.Message}");
            return false;
        }

        return WriteFile(fileName, bytes);
    }

    private bool WriteFile(string fileName, ReadOnlySpan<byte> content)
    {
        // Every result, container and text attachment passes here: no registered secret reaches the report.
        content = Secrets.ScrubUtf8(content);
        var target = Path.Combine(ResultsDirectory, fileName);
        // Write then rename, so a report generated mid-run never reads half a file.
        var temp = Path.Combine(ResultsDirectory, $".{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(ResultsDirectory);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(content);
            }

            File.Move(temp, target, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            _log($"allure: could not write {target}: {ex.GetType().Name}: {ex.Message}");
            TryDelete(temp);
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // The temp file may never have been created; nothing else to do.
        }
    }

    private static string EscapeProperty(string text, bool isKey)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case '\n': builder.Append(@"\n"); break;
                case '\r': builder.Append(@"\r"); break;
                case '\t': builder.Append(@"\t"); break;
                case '=' or ':' or ' ' or '#' or '!' when isKey: builder.Append('\\').Append(c); break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }
}
