using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Xml.Linq;

namespace Integration.Tests.Reports;

/// <summary>What a child run of the suites produced, all inside its work folder.</summary>
/// <param name="Process">Exit code (0 = every selected test passed) and console output.</param>
/// <param name="ResultsDirectory">Its allure-results (ALLURE_RESULTS_DIR).</param>
/// <param name="SummaryFile">Its markdown summary (PERF_SUMMARY_FILE).</param>
internal sealed record SuiteTestRunResult(ChildProcessResult Process, string ResultsDirectory, string SummaryFile);

/// <summary>
/// Runs tests of the built suites assembly (tests/PerfTests, PerfTests.Suites.dll) in a child
/// <c>dotnet test</c>, the way users and scripts/run-perf.sh run them: runsettings/pr.runsettings with a
/// smaller DurationScale, the container settings of this process (.perf/container.env), and
/// allure-results and the summary in a folder of our choosing.
/// </summary>
internal static class SuiteTestRun
{
    /// <summary>Hard limit for the child, set-up of its containers and portal included; then its process tree is killed.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    /// <summary>Runs the tests matching <paramref name="filter"/> (a dotnet test --filter) with every stage scaled by <paramref name="durationScale"/>.</summary>
    public static async Task<SuiteTestRunResult> RunAsync(string filter, double durationScale, string workFolder, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.Find();
        var assembly = SuitesAssembly(root);
        var settings = WriteRunSettings(root, workFolder, durationScale);
        var results = Path.Combine(workFolder, "allure-results");
        var summary = Path.Combine(workFolder, "summary.md");

        // dotnet itself: the host running this test (DOTNET_HOST_PATH, set by the SDK), else the one on PATH.
        var start = new ProcessStartInfo(System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList =
            {
                "test", assembly, "--settings", settings, "--filter", filter,
                "--results-directory", Path.Combine(workFolder, "TestResults"), "--logger", "console;verbosity=normal",
            },
            WorkingDirectory = workFolder,
        };
        start.Environment["ALLURE_RESULTS_DIR"] = results;
        start.Environment["PERF_SUMMARY_FILE"] = summary;
        // The runsettings' empty TargetUrl falls back to this variable: the check needs the in-process portal.
        start.Environment.Remove("PERF_TARGET_URL");

        var process = await ChildProcess.RunAsync(start, Timeout, cancellationToken);
        return new SuiteTestRunResult(process, results, summary);
    }

    /// <summary>
    /// PerfTests.Suites.dll as built with this assembly's configuration (a project reference builds it
    /// into its own bin folder, next to its deps.json and runtimeconfig.json, which dotnet test needs).
    /// </summary>
    private static string SuitesAssembly(string root)
    {
        var configuration = typeof(SuiteTestRun).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var framework = new DirectoryInfo(TestContext.CurrentContext.TestDirectory).Name;
        var path = Path.Combine(root, "tests", "PerfTests", "bin", configuration, framework, "PerfTests.Suites.dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is missing: build the suites first (dotnet build PerfTests.slnx -c {configuration}).", path);
    }

    /// <summary>A copy of runsettings/pr.runsettings (so the pr budget overlay) with DurationScale replaced.</summary>
    private static string WriteRunSettings(string root, string workFolder, double durationScale)
    {
        var document = XDocument.Load(Path.Combine(root, "runsettings", "pr.runsettings"));
        var parameter = document.Descendants("Parameter").SingleOrDefault(p => (string?)p.Attribute("name") == "DurationScale")
            ?? throw new InvalidDataException("runsettings/pr.runsettings has no DurationScale parameter.");
        parameter.SetAttributeValue("value", durationScale.ToString(CultureInfo.InvariantCulture));

        var path = Path.Combine(workFolder, "suite.runsettings");
        document.Save(path);
        return path;
    }
}
