namespace Integration.Tests.Reports;

/// <summary>The repository the test assembly was built from: the first folder above it holding PerfTests.slnx.</summary>
internal static class RepositoryRoot
{
    /// <exception cref="FileNotFoundException">No PerfTests.slnx above the test assembly (it was copied elsewhere).</exception>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PerfTests.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new FileNotFoundException($"No PerfTests.slnx above {TestContext.CurrentContext.TestDirectory}.");
    }
}
