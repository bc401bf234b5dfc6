using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Xml.Linq;

namespace Integration.Tests.Reports;

/// <summary>What a child run of the suites produced, all inside its work folder.</summary>
/// <param name="Process">Exit code (0 = every selected test passed) and console output.</param>
/// <param name="ResultsDirectory">Its allure-results (run parameter AllureResultsDir).</param>
/// <param name="SummaryFile">Its markdown summary (run parameter SummaryFile).</param>
internal sealed record SuiteTestRunResult(ChildProcessResult Process, string ResultsDirectory, string SummaryFile);

/// <summary>
/// Runs tests of the suites project (tests/PerfTests) in a child <c>dotnet test</c>, the way a user
/// types it in a new shell: none of our environment variables (PERF_*, DOCKER_HOST, TESTCONTAINERS_*,
/// ALLURE_*), so the container runtime and images come from the files scripts/setup-containers.sh
/// wrote; runsettings/pr.runsettings (optionally with another DurationScale), and allure-results and
/// the summary sent to a folder of our choosing through run parameters.
/// </summary>
internal static class SuiteTestRun
{
    /// <summary>Default hard limit for the child, set-up of its containers and portal included; then its process tree is killed.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    private static readonly string[] OurPrefixes = ["PERF_", "DOCKER_", "TESTCONTAINERS_", "ALLURE_", "SampleSystem__", "GITHUB_STEP_SUMMARY"];

    /// <summary>Whether a variable is one of ours (or Testcontainers'), which a child run must not inherit.</summary>
    public static bool IsOurVariable(string name) => OurPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Runs <c>dotnet test tests/PerfTests --filter <paramref name="filter"/></c> (built, so --no-build) with
    /// every stage scaled by <paramref name="durationScale"/> (null: the pr profile's own scale).
    /// </summary>
    public static async Task<SuiteTestRunResult> RunAsync(
        string filter, double? durationScale, string workFolder, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var (start, results, summary) = Prepare(filter, durationScale, workFolder);
        var process = await ChildProcess.RunAsync(start, timeout ?? Timeout, cancellationToken);
        return new SuiteTestRunResult(process, results, summary);
    }

    /// <summary>The child's start info (not started), and where its allure-results and summary will be.</summary>
    public static (ProcessStartInfo Start, string ResultsDirectory, string SummaryFile) Prepare(string filter, double? durationScale, string workFolder)
    {
        var root = RepositoryRoot.Find();
        var project = SuitesProject(root);
        var results = Path.Combine(workFolder, "allure-results");
        var summary = Path.Combine(workFolder, "summary.md");
        var settings = WriteRunSettings(root, workFolder, durationScale, results, summary);

        // dotnet itself: the host running this test (DOTNET_HOST_PATH, set by the SDK), else the one on PATH.
        var start = new ProcessStartInfo(System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList =
            {
                "test", project, "-c", Configuration, "--no-build", "--settings", settings, "--filter", filter,
                "--results-directory", Path.Combine(workFolder, "TestResults"), "--logger", "console;verbosity=normal",
            },
            WorkingDirectory = workFolder,
        };
        foreach (var name in start.Environment.Keys.Where(IsOurVariable).ToList())
        {
            start.Environment.Remove(name);
        }

        return (start, results, summary);
    }

    private static string Configuration =>
        typeof(SuiteTestRun).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    /// <summary>
    /// tests/PerfTests, checked to be built with this assembly's configuration (a project reference
    /// builds it into its own bin folder, next to its deps.json and runtimeconfig.json).
    /// </summary>
    private static string SuitesProject(string root)
    {
        var framework = new DirectoryInfo(TestContext.CurrentContext.TestDirectory).Name;
        var project = Path.Combine(root, "tests", "PerfTests");
        var assembly = Path.Combine(project, "bin", Configuration, framework, "PerfTests.Suites.dll");
        return File.Exists(assembly)
            ? project
            : throw new FileNotFoundException($"{assembly} is missing: build the suites first (dotnet build PerfTests.slnx -c {Configuration}).", assembly);
    }

    /// <summary>
    /// A copy of runsettings/pr.runsettings (so the pr budget overlay) with DurationScale replaced when
    /// given, and the results folder and summary file as run parameters.
    /// </summary>
    private static string WriteRunSettings(string root, string workFolder, double? durationScale, string results, string summary)
    {
        var document = XDocument.Load(Path.Combine(root, "runsettings", "pr.runsettings"));
        var parameters = document.Descendants("TestRunParameters").Single();
        void Set(string name, string value)
        {
            var parameter = parameters.Elements("Parameter").SingleOrDefault(p => (string?)p.Attribute("name") == name);
            if (parameter is null)
            {
                parameters.Add(parameter = new XElement("Parameter", new XAttribute("name", name)));
            }

            parameter.SetAttributeValue("value", value);
        }

        if (durationScale is { } scale)
        {
            Set("DurationScale", scale.ToString(CultureInfo.InvariantCulture));
        }

        Set("AllureResultsDir", results);
        Set("SummaryFile", summary);

        var path = Path.Combine(workFolder, "suite.runsettings");
        document.Save(path);
        return path;
    }
}
