namespace PerfTests.Reporting.Context;

/// <summary>
/// Where results go: the run parameter <c>AllureResultsDir</c>, else $ALLURE_RESULTS_DIR, when set
/// (relative paths resolve against the current directory), otherwise <c>allure-results</c> at the repository root found above the start folder
/// (a folder holding <c>.git</c> or a <c>*.sln</c> or <c>*.slnx</c>), otherwise <c>allure-results</c> in the start folder.
/// </summary>
internal static class ResultsDirectory
{
    public const string EnvironmentVariable = "ALLURE_RESULTS_DIR";

    public const string RunParameter = "AllureResultsDir";

    public static string Resolve(Func<string, string?> getParameter, Func<string, string?> getEnv, string startDirectory)
    {
        var configured = getParameter(RunParameter);
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = getEnv(EnvironmentVariable);
        }

        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            if (IsRepositoryRoot(dir))
            {
                return Path.Combine(dir.FullName, "allure-results");
            }
        }

        return Path.Combine(startDirectory, "allure-results");
    }

    private static bool IsRepositoryRoot(DirectoryInfo dir)
    {
        try
        {
            // .git is a folder in a clone and a file in a worktree.
            return Directory.Exists(Path.Combine(dir.FullName, ".git"))
                || File.Exists(Path.Combine(dir.FullName, ".git"))
                || dir.EnumerateFiles("*.sln").Any() || dir.EnumerateFiles("*.slnx").Any();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
