namespace PerfTests.Reporting.Environment;

/// <summary>
/// The content of <c>executor.json</c>: which CI run produced the results, with links back to it.
/// Built from GitHub Actions variables; null outside CI so no empty executor is shown.
/// </summary>
internal sealed class ExecutorInfo
{
    public required string Name { get; init; }

    public required string Type { get; init; }

    public string? Url { get; init; }

    public long? BuildOrder { get; init; }

    public string? BuildName { get; init; }

    public string? BuildUrl { get; init; }

    public string? ReportName { get; init; }

    public string? ReportUrl { get; init; }

    /// <summary>Reads GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_RUN_NUMBER, GITHUB_WORKFLOW, and ALLURE_REPORT_URL.</summary>
    public static ExecutorInfo? FromGitHub(Func<string, string?> getEnv)
    {
        var repository = getEnv("GITHUB_REPOSITORY");
        var runId = getEnv("GITHUB_RUN_ID");
        if (string.IsNullOrEmpty(repository) || string.IsNullOrEmpty(runId))
        {
            return null;
        }

        var server = (getEnv("GITHUB_SERVER_URL") ?? "https://github.com").TrimEnd('/');
        var runNumber = getEnv("GITHUB_RUN_NUMBER");
        var workflow = getEnv("GITHUB_WORKFLOW") ?? "CI";
        return new ExecutorInfo
        {
            Name = "GitHub Actions",
            Type = "github",
            Url = $"{server}/{repository}",
            BuildOrder = long.TryParse(runNumber, out var order) ? order : null,
            BuildName = runNumber is null ? workflow : $"{workflow} #{runNumber}",
            BuildUrl = $"{server}/{repository}/actions/runs/{runId}",
            ReportName = "PerfTests report",
            ReportUrl = getEnv("ALLURE_REPORT_URL"),
        };
    }
}
