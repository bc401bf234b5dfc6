using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using PerfTests.Reporting.Context;
using PerfTests.Reporting.Writing;

namespace Harness.Tests.Reporting;

/// <summary>Shared set-up for reporting tests: a temp results folder, a fake clock, a captured log.</summary>
internal sealed partial class ReportingFixture : IDisposable
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public ReportingFixture(IReadOnlyDictionary<string, string>? env = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "perftests-allure-" + Guid.NewGuid().ToString("N"));
        Time = new FakeTimeProvider(Epoch);
        Writer = new AllureResultsWriter(Directory, Logs.Add);
        var variables = env ?? new Dictionary<string, string>();
        Lifecycle = new AllureLifecycle(Writer, Time, getEnv: name => variables.GetValueOrDefault(name)) { Log = Logs.Add };
    }

    public string Directory { get; }

    public FakeTimeProvider Time { get; }

    public AllureResultsWriter Writer { get; }

    public AllureLifecycle Lifecycle { get; }

    public List<string> Logs { get; } = [];

    public string[] Files(string pattern) =>
        System.IO.Directory.Exists(Directory) ? System.IO.Directory.GetFiles(Directory, pattern) : [];

    public string ReadSingle(string pattern)
    {
        var files = Files(pattern);
        Assert.That(files, Has.Length.EqualTo(1), $"expected one {pattern} in the results folder");
        return File.ReadAllText(files[0]);
    }

    /// <summary>Replaces random uuids (dashed or 32-hex attachment names) so files compare across runs.</summary>
    public static string Normalize(string json) =>
        GuidPattern().Replace(AttachmentPattern().Replace(json, "<attachment>"), "<uuid>");

    /// <summary>Path of a stored expected file next to this source file (no csproj copy step needed).</summary>
    public static string ExpectedPath(string name, [CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Expected", name);

    /// <summary>
    /// Compares normalized output with a stored expected file. Set UPDATE_EXPECTED=1 to rewrite the
    /// stored file from the actual output (then review the diff before committing).
    /// </summary>
    public static void AssertMatchesExpected(string actualRaw, string name, [CallerFilePath] string source = "")
    {
        var actual = Normalize(actualRaw).TrimEnd() + "\n";
        var path = ExpectedPath(name, source);
        if (Environment.GetEnvironmentVariable("UPDATE_EXPECTED") == "1")
        {
            File.WriteAllText(path, actual);
            Assert.Warn($"updated {name}; review the diff and rerun without UPDATE_EXPECTED");
            return;
        }

        Assert.That(actual, Is.EqualTo(File.ReadAllText(path)), $"output differs from Expected/{name}");
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidPattern();

    [GeneratedRegex("[0-9a-f]{32}-attachment")]
    private static partial Regex AttachmentPattern();
}
