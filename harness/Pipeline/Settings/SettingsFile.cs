using System.Text;

namespace PerfTests;

/// <summary>
/// The machine's settings file (<c>~/.perftests.properties</c>, or the file named by
/// <c>PERF_SETTINGS_FILE</c>): <c>Name=value</c> lines keyed by run-parameter names, <c>#</c> comments.
/// Written once by set-up (e.g. local container image names) so a plain <c>dotnet test</c> in a new
/// shell finds them; run parameters and environment variables still win. The file is treated as
/// hostile: bounded in size, every malformed line reported with its line number, nothing executed.
/// </summary>
internal sealed class SettingsFile
{
    /// <summary>The variable naming another settings file than the default one.</summary>
    public const string PathVariable = "PERF_SETTINGS_FILE";

    /// <summary>The default file name in the user's home folder.</summary>
    public const string DefaultName = ".perftests.properties";

    // A machine's handful of settings fits many times over; a larger file is a mistake, not settings.
    internal const int MaxBytes = 64 * 1024;

    private readonly Dictionary<string, (string Value, int Line)> _values;

    private SettingsFile(string path, Dictionary<string, (string Value, int Line)> values)
    {
        Path = path;
        _values = values;
    }

    /// <summary>The file that was read.</summary>
    public string Path { get; }

    /// <summary>
    /// The file <c>PERF_SETTINGS_FILE</c> names (which must exist), else <c>~/.perftests.properties</c> when
    /// it exists; null when there is none. Problems are added to <paramref name="problems"/>.
    /// </summary>
    public static SettingsFile? Locate(Func<string, string?> environment, string? userHome, List<string> problems)
    {
        var named = environment(PathVariable);
        if (!string.IsNullOrWhiteSpace(named))
        {
            if (File.Exists(named.Trim()))
            {
                return Read(named.Trim(), problems);
            }

            problems.Add($"environment variable {PathVariable} is '{named.Trim()}'; no such file.");
            return null;
        }

        if (string.IsNullOrEmpty(userHome))
        {
            return null;
        }

        var path = System.IO.Path.Combine(userHome, DefaultName);
        return File.Exists(path) ? Read(path, problems) : null;
    }

    /// <summary>Reads and checks a settings file; every problem names the file and line.</summary>
    public static SettingsFile? Read(string path, List<string> problems)
    {
        string text;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxBytes)
            {
                problems.Add($"settings file {path} is {info.Length} bytes; at most {MaxBytes} are read (it should hold a few Name=value lines).");
                return null;
            }

            text = File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            problems.Add($"settings file {path} cannot be read: {e.Message}");
            return null;
        }

        return new SettingsFile(path, Parse(path, text, problems));
    }

    /// <summary>The value of <paramref name="name"/> and where it was written; null when the file does not set it.</summary>
    public string? Get(string name, out string source)
    {
        source = "";
        if (!_values.TryGetValue(name, out var entry))
        {
            return null;
        }

        source = $"{Path} line {entry.Line} ('{name}')";
        return entry.Value;
    }

    private static Dictionary<string, (string Value, int Line)> Parse(string path, string text, List<string> problems)
    {
        var values = new Dictionary<string, (string, int)>(StringComparer.OrdinalIgnoreCase);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] is '#' or '!')
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? "" : line[..equals].Trim();
            if (!IsName(name))
            {
                problems.Add($"{path} line {i + 1}, column 1: '{Shorten(line)}' is not Name=value (a setting name such as PostgresImage, then '=', then its value).");
            }
            else if (!values.TryAdd(name, (line[(equals + 1)..].Trim(), i + 1)))
            {
                problems.Add($"{path} line {i + 1}, column 1: '{name}' is set again (first on line {values[name].Item2}).");
            }
        }

        return values;
    }

    private static bool IsName(string name) =>
        name.Length is > 0 and <= 100 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..57] + "...";
}
