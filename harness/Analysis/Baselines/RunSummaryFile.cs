using System.Text.Json;
using System.Text.Json.Serialization;

namespace PerfTests.Analysis.Baselines;

/// <summary>Saves and loads <see cref="RunSummary"/> JSON files (camelCase, indented, UTF-8).</summary>
public static class RunSummaryFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // A scenario that finished nothing may carry NaN rates: write them rather than fail the save.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>
    /// A stable, file-name-safe name for one test's summary: "&lt;Fixture&gt;.&lt;Test&gt;.json", the
    /// fixture without its namespace, every character but letters, digits, '.', '-' and '_' replaced by '_'.
    /// </summary>
    /// <param name="fixture">The fixture's class name (namespace allowed); null gives "test".</param>
    /// <param name="test">The test's name, parameters included (e.g. <c>Run("a b")</c>).</param>
    public static string FileName(string? fixture, string test)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(test);
        var shortFixture = string.IsNullOrWhiteSpace(fixture) ? "test" : fixture[(fixture.LastIndexOf('.') + 1)..];
        var name = string.Concat($"{shortFixture}.{test}".Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
        return name + ".json";
    }

    /// <summary>Serialises a summary to JSON text.</summary>
    public static string ToJson(RunSummary summary) => JsonSerializer.Serialize(summary, Json);

    /// <summary>Parses JSON text; throws <see cref="InvalidDataException"/> for malformed JSON or an unsupported schema version.</summary>
    public static RunSummary FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        RunSummary? summary;
        try
        {
            summary = JsonSerializer.Deserialize<RunSummary>(json, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Not a run summary: {e.Message}", e);
        }

        if (summary is null || summary.SchemaVersion < 1 || summary.SchemaVersion > RunSummary.CurrentSchemaVersion)
        {
            throw new InvalidDataException(
                $"Run summary schema version {summary?.SchemaVersion} is not supported (this library reads 1..{RunSummary.CurrentSchemaVersion}).");
        }

        return summary;
    }

    /// <summary>Writes <paramref name="summary"/> to <paramref name="path"/>, creating the folder.</summary>
    public static async Task SaveAsync(RunSummary summary, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        await File.WriteAllTextAsync(path, ToJson(summary), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a summary written by <see cref="SaveAsync"/>.</summary>
    public static async Task<RunSummary> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return FromJson(json);
    }
}
