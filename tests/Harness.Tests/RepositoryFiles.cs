namespace Harness.Tests;

/// <summary>Files of the repository the tests were built from (README, workflows, scripts): the first folder above the test assembly holding PerfTests.slnx.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> RootFolder = new(() =>
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PerfTests.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("PerfTests.slnx not found above the test directory");
    });

    /// <summary>The repository root.</summary>
    public static string Root => RootFolder.Value;

    /// <summary>The text of a file given relative to the root ("README.md", "scripts/test.sh").</summary>
    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));
}
